-- Makes a Citus cluster of the product's schema (migrations/citus/README.md: when and how).
-- Run once, as the database owner, on the coordinator, after every migration has run and with
-- the server stopped: psql "$OWNER_URL" -v ON_ERROR_STOP=1 -f migrations/citus/distribute.sql
-- It is checked against the migrated schema by test/platform/citus-script.test.ts: every table
-- is named here exactly once (reference, distributed or local, with the reason), every
-- distributed table's keys and foreign keys carry tenant_id, and every table comes after the
-- tables its foreign keys point to. A migration that adds a table must add it here.
-- The citus extension is created first, on the coordinator and on every worker (README step 2).
\set ON_ERROR_STOP on
BEGIN;
-- the row triggers below only check or fill their own row, or read rows of the same tenant
-- (co-located, so on the same node): safe to run on the shards
SET LOCAL citus.enable_unsafe_triggers TO on;
-- distributing tables with foreign keys to reference tables in one transaction
SET LOCAL citus.multi_shard_modify_mode TO 'sequential';

-- Functions the shards call (row-level security policies, triggers): copied to every node.
SELECT create_distributed_function('app_current_tenant()');
SELECT create_distributed_function('app_is_operator()');
SELECT create_distributed_function('app_current_actor()');
SELECT create_distributed_function('org_node_set_path()');
SELECT create_distributed_function('audit_log_append_only()');
SELECT create_distributed_function('declaration_decision_append_only()');
SELECT create_distributed_function('activity_withdraw_once()');
SELECT create_distributed_function('integrity_record_append_only()');
SELECT create_distributed_function('spot_check_item_decide_once()');
SELECT create_distributed_function('certificate_immutable()');
SELECT create_distributed_function('moved_history_immutable()');
SELECT create_distributed_function('app_notify_invalidation()');

-- Functions that stay on the coordinator (called there; their statements are distributed queries):
-- coordinator function: app_tenant_by_code — reads tenant (a reference table, on every node)
-- coordinator function: app_tenant_status — reads tenant
-- coordinator function: app_api_client_by_key — reads api_client (a reference table) by key id, before the tenant is known
-- coordinator function: app_api_client_touch — writes api_client's last use (a reference table: a write to every node, once a minute per key at most)
-- coordinator function: app_certificate_by_code — the public verification page: certificate by code in any tenant, a query over all shards
-- coordinator function: app_actor_account — the caller's account, used inside the move functions
-- coordinator function: app_move_candidate_exists — reads professional in other tenants: a query over all shards
-- coordinator function: app_move_requests_to_consent — reads move requests of other tenants: a query over all shards
-- coordinator function: app_move_decide — writes in two tenants (two shards, maybe two nodes) in one transaction: Citus commits it with two-phase commit
-- coordinator function: app_retention_check — the retention functions' guard
-- coordinator function: app_retention_declarations — one tenant's slice (the tenant comes from the setting, not an argument, so it is not delegated to a worker)
-- coordinator function: app_retention_files — one tenant's slice, as above

-- Triggers (created on every shard by create_distributed_table with the setting above):
-- trigger: org_node_path — fills path and depth from the parent node (same tenant, same shard)
-- trigger: audit_log_append_only — refuses UPDATE and DELETE
-- trigger: declaration_decision_append_only — refuses UPDATE and DELETE except in retention (reads the declaration: same tenant, same shard)
-- trigger: activity_withdraw_once — a withdrawn activity stays as it is
-- trigger: integrity_record_append_only — refuses UPDATE and DELETE
-- trigger: spot_check_item_decide_once — an outcome is recorded once
-- trigger: certificate_immutable — refuses UPDATE and DELETE
-- trigger: certificate_basis_immutable — refuses UPDATE and DELETE
-- trigger: moved_year_immutable — refuses UPDATE and DELETE
-- trigger: moved_year_review_immutable — refuses UPDATE and DELETE
-- trigger: api_client_invalidate — pg_notify on the node that writes the row (see the README: the listener hears the coordinator only)
-- trigger: policy_revision_invalidate — pg_notify on the worker holding the tenant's shard (see the README)
-- trigger: tenant_invalidate — pg_notify (see the README)

-- Sequences:
-- sequence: declaration_queue_no — nextval() is called in INSERT statements sent to the coordinator, which evaluates it there
-- sequence: migrations_id_seq — typeorm's migration history, stays local

-- Reference tables: small, global, copied to every node (so any shard joins them locally).
SELECT create_reference_table('tenant');
SELECT create_reference_table('platform_operator');
SELECT create_reference_table('calendar_year');
SELECT create_reference_table('calendar_day');
-- api_client: tenant rows, but an API key is found by its key id before its tenant is known
-- (UNIQUE (key_id) across tenants); a few rows per tenant
SELECT create_reference_table('api_client');

-- Distributed tables: every tenant-owned table, by tenant_id, in one colocation group (a
-- tenant's rows of every table on the same node), each after the tables its keys point to.
SELECT create_distributed_table('org_node', 'tenant_id', colocate_with => 'none');
SELECT create_distributed_table('audit_log', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('policy_revision', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('professional', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('account', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('activation_code', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('certificate', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('declaration', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('activity', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('certificate_basis', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('declaration_decision', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('evidence_file', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('declaration_file', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('evidence_file_deletion', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('evidence_upload_count', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('integrity_record', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('move_request', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('moved_year', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('moved_year_review', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('notification', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('org_application', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('professional_registration', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('reminder_digest', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('reminder_ledger', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('reminder_run', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('spot_check', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('spot_check_item', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('staff_import_count', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('staff_import_job', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('staff_import_error', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('staff_import_row', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('title_application', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('title_record', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('training_project', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('training_report_batch', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('training_completion', 'tenant_id', colocate_with => 'org_node');
SELECT create_distributed_table('year_certification', 'tenant_id', colocate_with => 'org_node');

-- Tables that stay local on the coordinator (no foreign key to or from any other table; never
-- joined with a distributed table in one statement):
-- local: migrations — typeorm's migration history, read and written by the migration runner only
-- local: sign_in_limit — sign-in attempt counters by key (account or address), one upsert per attempt: a reference table would write every node each time
-- local: certificate_verify_limit — the public verification page's counters by address, as above
-- local: export_limit — export counters by key, as above
-- local: registration_limit — sign-up counters by address, as above
-- local schema: pgboss — pg-boss's job queue (its own schema and partitioned tables, SKIP LOCKED polling): coordinator work, not tenant data

COMMIT;
