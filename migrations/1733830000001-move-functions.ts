import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moving between tenants (issue 15), the part that reaches across tenants: three SECURITY
 * DEFINER functions owned by the owner, each doing exactly one thing for the runtime role
 * (search_path fixed, pg_temp last; the caller is the tenant and account its session carries):
 * - `app_move_candidate_exists(id_number, name)`: is such a person registered (not moved out) in
 *   another, active tenant — a boolean, nothing else;
 * - `app_move_requests_to_consent(after_at, after_id, limit)`: the pending, unexpired requests
 *   naming the caller (a professional) or the caller's tenant's people (its bureau official), with
 *   only what consenting needs (receiving tenant and unit names, dates, the caller's own record);
 * - `app_move_decide(request, CONSENT | REFUSE, reason, request ref)`: checks that the caller's
 *   tenant and account are the consenting party of that pending, unexpired request, then copies
 *   the certified (not revoked) years and the moved years the sending tenant holds, creates or
 *   links the person in the receiving unit, marks the sending record MOVED_OUT, settles the
 *   request and writes one audit row in each tenant — or, refusing, settles the request and
 *   writes the two audit rows. Errors are raised as `move:<CODE>` (the moves error catalog).
 */
export class MoveFunctions1733830000001 implements MigrationInterface {
  name = 'MoveFunctions1733830000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(MOVE_FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS app_move_decide(uuid, text, text, text), app_move_requests_to_consent(timestamptz, uuid, int),
        app_move_candidate_exists(text, text), app_actor_account();
    `);
  }
}

const MOVE_FUNCTIONS = `
  -- The caller's account in the caller's tenant (app.actor_id, set with the tenant for every
  -- request), if it is active; no row for anything else. Used only inside the functions below.
  CREATE FUNCTION app_actor_account() RETURNS SETOF account
    LANGUAGE sql STABLE SET search_path = public, pg_temp
    AS $f$
      SELECT a.* FROM account a
       WHERE a.tenant_id = app_current_tenant() AND a.status = 'ACTIVE'
         AND a.id = (SELECT CASE WHEN s ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN s::uuid END
                       FROM current_setting('app.actor_id', true) AS s)
    $f$;

  CREATE FUNCTION app_move_candidate_exists(p_id_number text, p_name text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $f$
      SELECT app_current_tenant() IS NOT NULL AND EXISTS (
        SELECT FROM professional p JOIN tenant t ON t.id = p.tenant_id
         WHERE p.id_number = p_id_number AND p.name = p_name AND p.status <> 'MOVED_OUT'
           AND p.tenant_id <> app_current_tenant() AND t.status = 'ACTIVE')
    $f$;

  CREATE FUNCTION app_move_requests_to_consent(p_after_at timestamptz, p_after_id uuid, p_limit int)
    RETURNS TABLE (id uuid, requested_at timestamptz, expires_at timestamptz, professional_id uuid,
                   receiving_tenant_name text, receiving_unit_name text)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $f$
      SELECT r.id, r.requested_at, r.expires_at, p.id, t.name, u.name
        FROM app_actor_account() me
        JOIN professional p ON p.tenant_id = me.tenant_id AND p.status <> 'MOVED_OUT'
                           AND (me.role = 'BUREAU_OFFICIAL' OR (me.role = 'PROFESSIONAL' AND p.id = me.professional_id))
        JOIN move_request r ON r.id_number = p.id_number AND r.name = p.name AND r.status = 'PENDING'
                           AND r.expires_at > now() AND r.tenant_id <> me.tenant_id
        JOIN tenant t ON t.id = r.tenant_id AND t.status = 'ACTIVE'
        JOIN org_node u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
       WHERE p_after_at IS NULL OR (r.requested_at, r.id) > (p_after_at, p_after_id)
       ORDER BY r.requested_at, r.id
       LIMIT least(greatest(p_limit, 0), 1000)
    $f$;

  CREATE FUNCTION app_move_decide(p_request_id uuid, p_decision text, p_reason text, p_request_ref text)
    RETURNS TABLE (receiving_tenant_name text, source_professional_id uuid, years_moved int)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $f$
    DECLARE
      v_acct account;
      v_req move_request;
      v_src professional;
      v_dst professional;
      v_unit org_node;
      v_from tenant;
      v_to tenant;
      v_party text;
      v_by text;
      v_asked text;
      v_years int[];
    BEGIN
      IF p_decision IS NULL OR p_decision NOT IN ('CONSENT', 'REFUSE') THEN
        RAISE EXCEPTION 'move:BAD_DECISION' USING ERRCODE = '22023';
      END IF;
      SELECT * INTO v_acct FROM app_actor_account();
      IF NOT FOUND OR v_acct.role NOT IN ('PROFESSIONAL', 'BUREAU_OFFICIAL') THEN
        RAISE EXCEPTION 'move:MOVE_NOT_PARTY' USING ERRCODE = '42501';
      END IF;
      -- the request, locked: two decisions on it are taken one after the other
      SELECT * INTO v_req FROM move_request r WHERE r.id = p_request_id AND r.tenant_id <> v_acct.tenant_id FOR UPDATE;
      IF NOT FOUND THEN RAISE EXCEPTION 'move:MOVE_REQUEST_NOT_FOUND' USING ERRCODE = 'P0002'; END IF;
      -- the person it names, in the caller's tenant, locked (two moves of one person: one wins)
      SELECT * INTO v_src FROM professional p
       WHERE p.tenant_id = v_acct.tenant_id AND p.id_number = v_req.id_number AND p.name = v_req.name
         FOR UPDATE;
      IF NOT FOUND OR (v_acct.role = 'PROFESSIONAL' AND v_acct.professional_id IS DISTINCT FROM v_src.id) THEN
        RAISE EXCEPTION 'move:MOVE_REQUEST_NOT_FOUND' USING ERRCODE = 'P0002';
      END IF;
      SELECT * INTO v_to FROM tenant t WHERE t.id = v_req.tenant_id;
      IF v_to.status <> 'ACTIVE' THEN RAISE EXCEPTION 'move:MOVE_REQUEST_NOT_FOUND' USING ERRCODE = 'P0002'; END IF;
      IF v_req.status <> 'PENDING' THEN RAISE EXCEPTION 'move:MOVE_REQUEST_DECIDED' USING ERRCODE = '55000'; END IF;
      IF v_req.expires_at <= now() THEN RAISE EXCEPTION 'move:MOVE_REQUEST_EXPIRED' USING ERRCODE = '55000'; END IF;
      -- moved elsewhere meanwhile (another tenant's request was consented first)
      IF v_src.status = 'MOVED_OUT' THEN RAISE EXCEPTION 'move:MOVE_REQUEST_NOT_FOUND' USING ERRCODE = 'P0002'; END IF;

      SELECT * INTO v_from FROM tenant t WHERE t.id = v_acct.tenant_id;
      SELECT * INTO v_unit FROM org_node o WHERE o.tenant_id = v_req.tenant_id AND o.id = v_req.unit_id;
      v_party := CASE v_acct.role WHEN 'PROFESSIONAL' THEN 'PERSON' ELSE 'BUREAU' END;
      v_by := 'account:' || CASE WHEN v_acct.role = 'PROFESSIONAL' THEN v_acct.id::text ELSE v_acct.username END;
      SELECT 'account:' || CASE WHEN a.role = 'PROFESSIONAL' THEN a.id::text ELSE a.username END INTO v_asked
        FROM account a WHERE a.tenant_id = v_req.tenant_id AND a.id = v_req.requested_by;

      IF p_decision = 'REFUSE' THEN
        IF p_reason IS NULL OR length(btrim(p_reason)) NOT BETWEEN 1 AND 500 THEN
          RAISE EXCEPTION 'move:MOVE_REASON_REQUIRED' USING ERRCODE = '22023';
        END IF;
        UPDATE move_request r SET status = 'REFUSED', decided_at = now(), decided_by = v_party, refusal_reason = btrim(p_reason)
         WHERE r.tenant_id = v_req.tenant_id AND r.id = v_req.id;
        INSERT INTO audit_log (tenant_id, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after) VALUES
          (v_req.tenant_id, p_request_ref, 'ACCOUNT', NULL, v_from.code || ':' || v_by, 'move.refuse', 'move_request', v_req.id::text,
           jsonb_build_object('status', 'PENDING'),
           jsonb_build_object('status', 'REFUSED', 'requestedBy', v_asked, 'decidedBy', v_party, 'reason', btrim(p_reason))),
          (v_acct.tenant_id, p_request_ref, 'ACCOUNT', v_acct.id, v_by, 'move.refuse', 'professional', v_src.id::text, NULL,
           jsonb_build_object('requestId', v_req.id, 'receivingTenant', v_to.code, 'receivingTenantName', v_to.name,
                              'receivingUnitName', v_unit.name, 'requestedBy', v_to.code || ':' || v_asked, 'decidedBy', v_party,
                              'reason', btrim(p_reason)));
        RETURN QUERY SELECT v_to.name, v_src.id, 0;
        RETURN;
      END IF;

      -- the person in the receiving tenant: linked when registered there already, else created in the unit
      SELECT * INTO v_dst FROM professional p WHERE p.tenant_id = v_req.tenant_id AND p.id_number = v_req.id_number FOR UPDATE;
      IF FOUND THEN
        IF v_dst.status = 'ACTIVE' AND v_dst.unit_id <> v_req.unit_id THEN
          RAISE EXCEPTION 'move:MOVE_CONFLICT' USING ERRCODE = '55000';
        END IF;
        IF v_dst.status <> 'ACTIVE' THEN
          UPDATE professional p SET status = 'ACTIVE', unit_id = v_unit.id, unit_path = v_unit.path, joined_unit_on = v_req.joined_unit_on,
                 version = p.version + 1, updated_at = now()
           WHERE p.tenant_id = v_dst.tenant_id AND p.id = v_dst.id;
          UPDATE account a SET org_node_id = v_unit.id, version = a.version + 1
           WHERE a.tenant_id = v_dst.tenant_id AND a.professional_id = v_dst.id;
        END IF;
      ELSE
        INSERT INTO professional (tenant_id, id_number, name, gender, birth_date, unit_id, unit_path, title_level, title_series, phone, joined_unit_on)
        VALUES (v_req.tenant_id, v_req.id_number, v_req.name, v_req.gender, v_req.birth_date, v_unit.id, v_unit.path,
                v_req.title_level, v_req.title_series, v_req.phone, v_req.joined_unit_on)
        RETURNING * INTO v_dst;
      END IF;

      -- the certified years (not revoked) of the sending tenant, and the years it holds as moved
      -- history from tenants before it (with their own provenance), nothing else
      WITH certified AS (
        SELECT c.year, COALESCE(c.result ->> 'regime', 'HOURS') AS regime,
               COALESCE((c.result -> 'public' ->> 'credited')::float8, 0) AS public_hours,
               COALESCE((c.result -> 'professional' ->> 'credited')::float8, 0) AS professional_hours,
               c.complete, pr.revision AS policy_revision, pr.id::text AS policy_revision_id,
               v_from.code AS issuing_tenant_code, v_from.name AS issuing_tenant_name, c.certified_at
          FROM year_certification c
          JOIN policy_revision pr ON pr.tenant_id = c.tenant_id AND pr.id = c.policy_revision_id
         WHERE c.tenant_id = v_from.id AND c.professional_id = v_src.id AND c.revoked_at IS NULL
        UNION ALL
        SELECT m.year, m.regime, m.public_hours, m.professional_hours, m.complete, m.policy_revision, m.policy_revision_id,
               m.issuing_tenant_code, m.issuing_tenant_name, m.certified_at
          FROM moved_year m
         WHERE m.tenant_id = v_from.id AND m.professional_id = v_src.id AND m.issuing_tenant_code <> v_to.code
      ), inserted AS (
        INSERT INTO moved_year (tenant_id, professional_id, move_request_id, year, regime, public_hours, professional_hours, complete,
                                policy_revision, policy_revision_id, issuing_tenant_code, issuing_tenant_name, certified_at)
        SELECT v_req.tenant_id, v_dst.id, v_req.id, c.year, c.regime, c.public_hours, c.professional_hours, c.complete,
               c.policy_revision, c.policy_revision_id, c.issuing_tenant_code, c.issuing_tenant_name, c.certified_at
          FROM certified c
        ON CONFLICT (tenant_id, professional_id, year, issuing_tenant_code) DO NOTHING
        RETURNING year
      )
      SELECT COALESCE(array_agg(i.year ORDER BY i.year), '{}') INTO v_years FROM inserted i;

      UPDATE professional p SET status = 'MOVED_OUT', version = p.version + 1, updated_at = now()
       WHERE p.tenant_id = v_src.tenant_id AND p.id = v_src.id;
      UPDATE move_request r SET status = 'CONSENTED', decided_at = now(), decided_by = v_party, source_tenant_code = v_from.code,
             source_tenant_name = v_from.name, professional_id = v_dst.id, years_moved = cardinality(v_years)
       WHERE r.tenant_id = v_req.tenant_id AND r.id = v_req.id;

      INSERT INTO audit_log (tenant_id, request_id, actor_kind, actor_id, actor_label, action, entity_type, entity_id, before, after) VALUES
        (v_req.tenant_id, p_request_ref, 'ACCOUNT', NULL, v_from.code || ':' || v_by, 'move.consent', 'move_request', v_req.id::text,
         jsonb_build_object('status', 'PENDING'),
         jsonb_build_object('status', 'CONSENTED', 'requestedBy', v_asked, 'consentedBy', v_party, 'sourceTenant', v_from.code,
                            'sourceTenantName', v_from.name, 'professionalId', v_dst.id, 'years', to_jsonb(v_years))),
        (v_from.id, p_request_ref, 'ACCOUNT', v_acct.id, v_by, 'move.consent', 'professional', v_src.id::text,
         jsonb_build_object('status', v_src.status),
         jsonb_build_object('status', 'MOVED_OUT', 'requestId', v_req.id, 'receivingTenant', v_to.code, 'receivingTenantName', v_to.name,
                            'receivingUnitName', v_unit.name, 'requestedBy', v_to.code || ':' || v_asked, 'consentedBy', v_party,
                            'years', to_jsonb(v_years)));
      RETURN QUERY SELECT v_to.name, v_src.id, cardinality(v_years);
    END $f$;

  REVOKE ALL ON FUNCTION app_actor_account() FROM PUBLIC;
  REVOKE ALL ON FUNCTION app_move_candidate_exists(text, text) FROM PUBLIC;
  REVOKE ALL ON FUNCTION app_move_requests_to_consent(timestamptz, uuid, int) FROM PUBLIC;
  REVOKE ALL ON FUNCTION app_move_decide(uuid, text, text, text) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION app_move_candidate_exists(text, text), app_move_requests_to_consent(timestamptz, uuid, int),
    app_move_decide(uuid, text, text, text) TO ce_runtime;
`;
