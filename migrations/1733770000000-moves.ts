import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantIsolation } from '../server/platform/rls';

/**
 * Moving between tenants on the platform (issue 15):
 * - `move_request`, in the RECEIVING tenant: a unit there asks for a person by ID number and name,
 *   with what it registers them as. The runtime role writes only the request's own columns (and
 *   may cancel or expire it); every other state is reached through `app_move_decide`.
 * - `moved_year`, in the receiving tenant: read-only history of the years another tenant
 *   certified, with their provenance (issuer, policy revision, certified and moved times). Only
 *   `app_move_decide` writes it; a trigger refuses UPDATE and DELETE for everyone.
 * - `moved_year_review`: an official's decision on a moved year where the policy reviews them
 *   (`transferIn.certifiedYears: REVIEW`); one per year, append-only.
 * - `professional.status` gains MOVED_OUT: the sending tenant keeps the record, marked.
 * - Outside any one tenant, three SECURITY DEFINER functions owned by the owner, each doing
 *   exactly one thing for the runtime role (search_path fixed, pg_temp last):
 *   `app_move_candidate_exists(id_number, name)`: is there such a person in another tenant (a
 *   boolean, nothing else); `app_move_requests_to_consent(...)`: the pending requests naming the
 *   caller (a professional) or the caller's tenant's people (its bureau official), with only what
 *   consenting needs; `app_move_decide(request, CONSENT | REFUSE, reason, request ref)`: checks
 *   that the caller's tenant and account are the consenting party of that pending, unexpired
 *   request, then in one statement sequence copies the certified years, creates or links the
 *   person in the receiving unit, marks the sending record MOVED_OUT, settles the request and
 *   writes one audit row in each tenant.
 */
export class Moves1733770000000 implements MigrationInterface {
  name = 'Moves1733770000000';

  async up(q: QueryRunner): Promise<void> {
    const [check] = (await q.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'professional'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%''RETIRED''%'`,
    )) as { conname: string }[];
    if (!check) throw new Error('status constraint of professional not found');
    await q.query(`
      ALTER TABLE professional DROP CONSTRAINT "${check.conname}",
        ADD CONSTRAINT professional_status_check CHECK (status IN ('ACTIVE', 'LEFT', 'RETIRED', 'MOVED_OUT'));
      -- a person looked up by ID number across tenants (only inside the functions below)
      CREATE INDEX professional_by_id_number ON professional (id_number);

      CREATE TABLE move_request (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        id_number text NOT NULL CHECK (id_number ~ '^[0-9]{17}[0-9X]$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        gender text NOT NULL CHECK (gender IN ('MALE', 'FEMALE')),
        birth_date date NOT NULL,
        unit_id uuid NOT NULL,
        title_level text NOT NULL CHECK (title_level IN ('NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR')),
        title_series text NOT NULL CHECK (length(title_series) BETWEEN 1 AND 40),
        phone text CHECK (phone IS NULL OR phone ~ '^1[3-9][0-9]{9}$'),
        joined_unit_on date NOT NULL,
        requested_by uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'CONSENTED', 'REFUSED', 'CANCELLED', 'EXPIRED')),
        decided_at timestamptz,
        -- who consented or refused: the person themself, or the sending tenant's bureau
        decided_by text CHECK (decided_by IN ('PERSON', 'BUREAU')),
        refusal_reason text CHECK (refusal_reason IS NULL OR length(refusal_reason) BETWEEN 1 AND 500),
        source_tenant_code text,
        source_tenant_name text,
        professional_id uuid,
        years_moved int CHECK (years_moved >= 0),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, unit_id) REFERENCES org_node (tenant_id, id),
        FOREIGN KEY (tenant_id, requested_by) REFERENCES account (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CHECK ((status IN ('CONSENTED', 'REFUSED')) = (decided_by IS NOT NULL)),
        CHECK ((status = 'REFUSED') = (refusal_reason IS NOT NULL)),
        CHECK ((status = 'CONSENTED') = (professional_id IS NOT NULL AND years_moved IS NOT NULL
                                         AND source_tenant_code IS NOT NULL AND source_tenant_name IS NOT NULL))
      );
      -- one pending request per person and receiving tenant (an expired one is set EXPIRED first)
      CREATE UNIQUE INDEX move_request_one_pending ON move_request (tenant_id, id_number) WHERE status = 'PENDING';
      -- the sending side finds the pending requests naming its people (app_move_requests_to_consent)
      CREATE INDEX move_request_pending_by_id_number ON move_request (id_number) WHERE status = 'PENDING';
      -- the receiving side's list, newest first
      CREATE INDEX move_request_list ON move_request (tenant_id, requested_at, id);

      CREATE TABLE moved_year (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        professional_id uuid NOT NULL,
        move_request_id uuid NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        regime text NOT NULL CHECK (regime IN ('HOURS', 'CREDITS')),
        public_hours float8 NOT NULL CHECK (public_hours >= 0),
        professional_hours float8 NOT NULL CHECK (professional_hours >= 0),
        complete boolean NOT NULL,
        -- the issuing tenant's policy revision: its number and its id (text: the row is in another tenant)
        policy_revision int NOT NULL CHECK (policy_revision >= 1),
        policy_revision_id text NOT NULL,
        issuing_tenant_code text NOT NULL,
        issuing_tenant_name text NOT NULL,
        certified_at timestamptz NOT NULL,
        moved_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, professional_id) REFERENCES professional (tenant_id, id),
        FOREIGN KEY (tenant_id, move_request_id) REFERENCES move_request (tenant_id, id),
        UNIQUE (tenant_id, professional_id, year, issuing_tenant_code)
      );

      CREATE TABLE moved_year_review (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        moved_year_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('ACCEPTED', 'REJECTED')),
        reason text CHECK (reason IS NULL OR length(reason) BETWEEN 1 AND 500),
        decided_by uuid NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, moved_year_id),
        FOREIGN KEY (tenant_id, moved_year_id) REFERENCES moved_year (tenant_id, id),
        FOREIGN KEY (tenant_id, decided_by) REFERENCES account (tenant_id, id),
        CHECK (decision = 'ACCEPTED' OR reason IS NOT NULL)
      );

      CREATE FUNCTION moved_history_immutable() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        RAISE EXCEPTION '% is immutable', TG_TABLE_NAME USING ERRCODE = '42501';
      END $f$;
      CREATE TRIGGER moved_year_immutable BEFORE UPDATE OR DELETE ON moved_year
        FOR EACH ROW EXECUTE FUNCTION moved_history_immutable();
      CREATE TRIGGER moved_year_review_immutable BEFORE UPDATE OR DELETE ON moved_year_review
        FOR EACH ROW EXECUTE FUNCTION moved_history_immutable();

      GRANT SELECT ON move_request, moved_year TO ce_runtime;
      GRANT INSERT (tenant_id, id_number, name, gender, birth_date, unit_id, title_level, title_series, phone, joined_unit_on,
                    requested_by, expires_at) ON move_request TO ce_runtime;
      GRANT UPDATE (status, decided_at) ON move_request TO ce_runtime;
      GRANT SELECT, INSERT ON moved_year_review TO ce_runtime;
    `);
    for (const table of ['move_request', 'moved_year', 'moved_year_review']) await enableTenantIsolation(q, table);
    await q.query(MOVE_FUNCTIONS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION IF EXISTS app_move_decide(uuid, text, text, text), app_move_requests_to_consent(timestamptz, uuid, int),
        app_move_candidate_exists(text, text), app_actor_account();
      DROP TABLE IF EXISTS moved_year_review, moved_year, move_request;
      DROP FUNCTION IF EXISTS moved_history_immutable();
      DROP INDEX IF EXISTS professional_by_id_number;
      -- fails while MOVED_OUT records exist: they have no earlier form
      ALTER TABLE professional DROP CONSTRAINT IF EXISTS professional_status_check,
        ADD CONSTRAINT professional_status_check CHECK (status IN ('ACTIVE', 'LEFT', 'RETIRED'));
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
       WHERE p.tenant_id = v_acct.tenant_id AND p.id_number = v_req.id_number AND p.name = v_req.name AND p.status <> 'MOVED_OUT'
         FOR UPDATE;
      IF NOT FOUND OR (v_acct.role = 'PROFESSIONAL' AND v_acct.professional_id IS DISTINCT FROM v_src.id) THEN
        RAISE EXCEPTION 'move:MOVE_REQUEST_NOT_FOUND' USING ERRCODE = 'P0002';
      END IF;
      SELECT * INTO v_to FROM tenant t WHERE t.id = v_req.tenant_id;
      IF v_to.status <> 'ACTIVE' THEN RAISE EXCEPTION 'move:MOVE_REQUEST_NOT_FOUND' USING ERRCODE = 'P0002'; END IF;
      IF v_req.status <> 'PENDING' THEN RAISE EXCEPTION 'move:MOVE_REQUEST_DECIDED' USING ERRCODE = '55000'; END IF;
      IF v_req.expires_at <= now() THEN RAISE EXCEPTION 'move:MOVE_REQUEST_EXPIRED' USING ERRCODE = '55000'; END IF;

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
