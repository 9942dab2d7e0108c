CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE EXTENSION IF NOT EXISTS postgis;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY,
        at timestamp with time zone NOT NULL,
        actor character varying(200) NOT NULL,
        actor_organisation character varying(20),
        country_code character varying(3),
        entity_type character varying(40) NOT NULL,
        entity_id uuid NOT NULL,
        action character varying(40) NOT NULL,
        before jsonb,
        after jsonb,
        reason character varying(2000),
        CONSTRAINT pk_audit_log PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE countries (
        code character varying(3) NOT NULL,
        name character varying(100) NOT NULL,
        iso_numeric character varying(3) NOT NULL,
        boundary geometry(MultiPolygon,4326) NOT NULL,
        CONSTRAINT pk_countries PRIMARY KEY (code)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE organisations (
        id uuid NOT NULL,
        code character varying(20) NOT NULL,
        name character varying(200) NOT NULL,
        kind character varying(32) NOT NULL,
        countries text[] NOT NULL,
        created_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_organisations PRIMARY KEY (id),
        CONSTRAINT ak_organisations_code UNIQUE (code),
        CONSTRAINT ck_organisations_kind CHECK (kind IN ('NATIONAL_AUTHORITY', 'OPERATOR', 'REGIONAL_BODY'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE quality_incidents (
        id uuid NOT NULL,
        hazard_area_id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        decision_id uuid NOT NULL,
        overlapping_decision_ids uuid[] NOT NULL,
        overlap_sqm double precision NOT NULL,
        kind character varying(32) NOT NULL,
        date_of_information date NOT NULL,
        detected_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_quality_incidents PRIMARY KEY (id),
        CONSTRAINT ck_quality_incidents_kind CHECK (kind IN ('CANCELLED_LAND_REWORKED', 'OVERLAPPING_RELEASE'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE hazard_areas (
        id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        local_id character varying(64) NOT NULL,
        name character varying(200) NOT NULL,
        classification character varying(8) NOT NULL,
        contamination text[] NOT NULL,
        status character varying(16) NOT NULL,
        evidence jsonb NOT NULL,
        date_of_information date NOT NULL,
        organisation_code character varying(20) NOT NULL,
        geometry geometry(MultiPolygon,4326) NOT NULL,
        area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
        remaining_geometry geometry(MultiPolygon,4326) NOT NULL,
        remaining_area_sqm double precision GENERATED ALWAYS AS (ST_Area(remaining_geometry::geography)) STORED NOT NULL,
        released_area_sqm double precision NOT NULL,
        version integer NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        recorded_by character varying(200) NOT NULL,
        recorded_by_organisation character varying(20),
        change_reason character varying(1000) NOT NULL,
        CONSTRAINT pk_hazard_areas PRIMARY KEY (id),
        CONSTRAINT ck_hazard_areas_classification CHECK (classification IN ('CHA', 'SHA')),
        CONSTRAINT ck_hazard_areas_contamination CHECK (contamination <@ ARRAY['AP_MINE', 'AV_MINE', 'CLUSTER_MUNITION', 'OTHER_ERW']::text[]),
        CONSTRAINT ck_hazard_areas_geometry_valid CHECK (ST_IsValid(geometry)),
        CONSTRAINT ck_hazard_areas_status CHECK (status IN ('CLOSED', 'HANDED_OVER', 'OPEN', 'WORKED_ON')),
        CONSTRAINT fk_hazard_areas_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code) ON DELETE RESTRICT,
        CONSTRAINT fk_hazard_areas_organisations_organisation_code FOREIGN KEY (organisation_code) REFERENCES organisations (code) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE hazard_area_versions (
        id bigint GENERATED ALWAYS AS IDENTITY,
        hazard_area_id uuid NOT NULL,
        version integer NOT NULL,
        country_code character varying(3) NOT NULL,
        local_id character varying(64) NOT NULL,
        name character varying(200) NOT NULL,
        classification character varying(8) NOT NULL,
        contamination text[] NOT NULL,
        status character varying(16) NOT NULL,
        evidence jsonb NOT NULL,
        date_of_information date NOT NULL,
        organisation_code character varying(20) NOT NULL,
        geometry geometry(MultiPolygon,4326) NOT NULL,
        area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        recorded_by character varying(200) NOT NULL,
        recorded_by_organisation character varying(20),
        change_reason character varying(1000) NOT NULL,
        CONSTRAINT pk_hazard_area_versions PRIMARY KEY (id),
        CONSTRAINT fk_hazard_area_versions_hazard_areas_hazard_area_id FOREIGN KEY (hazard_area_id) REFERENCES hazard_areas (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE release_decisions (
        id uuid NOT NULL,
        hazard_area_id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        kind character varying(16) NOT NULL,
        geometry geometry(MultiPolygon,4326) NOT NULL,
        area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
        credited_area_sqm double precision NOT NULL DEFAULT 0.0,
        entered_area jsonb,
        activity_id uuid,
        organisation_code character varying(20) NOT NULL,
        date_of_information date NOT NULL,
        notes character varying(4000),
        attachments jsonb NOT NULL,
        state character varying(16) NOT NULL,
        state_reason character varying(2000),
        approved_at timestamp with time zone,
        revoked_from date,
        version integer NOT NULL,
        created_at timestamp with time zone NOT NULL,
        created_by character varying(200) NOT NULL,
        CONSTRAINT pk_release_decisions PRIMARY KEY (id),
        CONSTRAINT ck_release_decisions_geometry_valid CHECK (ST_IsValid(geometry)),
        CONSTRAINT ck_release_decisions_kind CHECK (kind IN ('CANCELLED', 'CLEARED', 'REDUCED')),
        CONSTRAINT ck_release_decisions_state CHECK (state IN ('APPROVED', 'CERTIFIED', 'DRAFT', 'HANDED_OVER', 'REJECTED', 'REVOKED', 'SUBMITTED')),
        CONSTRAINT fk_release_decisions_hazard_areas_hazard_area_id FOREIGN KEY (hazard_area_id) REFERENCES hazard_areas (id) ON DELETE RESTRICT,
        CONSTRAINT fk_release_decisions_organisations_organisation_code FOREIGN KEY (organisation_code) REFERENCES organisations (code) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE TABLE decision_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        decision_id uuid NOT NULL,
        from_state character varying(16) NOT NULL,
        to_state character varying(16) NOT NULL,
        at timestamp with time zone NOT NULL,
        by character varying(200) NOT NULL,
        by_organisation character varying(20),
        reason character varying(2000),
        CONSTRAINT pk_decision_events PRIMARY KEY (id),
        CONSTRAINT fk_decision_events_release_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES release_decisions (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_audit_log_entity_type_entity_id_id ON audit_log (entity_type, entity_id, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_countries_boundary ON countries USING gist (boundary);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_decision_events_decision_id ON decision_events (decision_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_hazard_area_versions_hazard_area_id_date_of_information ON hazard_area_versions (hazard_area_id, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE UNIQUE INDEX ix_hazard_area_versions_hazard_area_id_version ON hazard_area_versions (hazard_area_id, version);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE UNIQUE INDEX ix_hazard_areas_country_code_local_id ON hazard_areas (country_code, local_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_hazard_areas_country_code_status_id ON hazard_areas (country_code, status, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_hazard_areas_geometry ON hazard_areas USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_hazard_areas_organisation_code ON hazard_areas (organisation_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_quality_incidents_country_code_date_of_information ON quality_incidents (country_code, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE UNIQUE INDEX ix_quality_incidents_decision_id ON quality_incidents (decision_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_quality_incidents_hazard_area_id ON quality_incidents (hazard_area_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_release_decisions_country_code_state_date_of_information ON release_decisions (country_code, state, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_release_decisions_geometry ON release_decisions USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_release_decisions_hazard_area_id_state ON release_decisions (hazard_area_id, state);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    CREATE INDEX ix_release_decisions_organisation_code ON release_decisions (organisation_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222439_Initial') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261129222439_Initial', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222526_AuditLogAppendOnly') THEN
    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129222526_AuditLogAppendOnly') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261129222526_AuditLogAppendOnly', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE TABLE activities (
        id uuid NOT NULL,
        hazard_area_id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        local_id character varying(64),
        type character varying(32) NOT NULL,
        organisation_code character varying(20) NOT NULL,
        method character varying(200) NOT NULL,
        start_date date NOT NULL,
        end_date date,
        status character varying(16) NOT NULL,
        reference_point geometry(Point,4326) NOT NULL,
        worked_area geometry(MultiPolygon,4326),
        worked_area_sqm double precision GENERATED ALWAYS AS (ST_Area(worked_area::geography)) STORED,
        notes character varying(4000),
        version integer NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        recorded_by character varying(200) NOT NULL,
        recorded_by_organisation character varying(20),
        change_reason character varying(1000) NOT NULL,
        CONSTRAINT pk_activities PRIMARY KEY (id),
        CONSTRAINT ck_activities_completed_has_end_date CHECK (status <> 'COMPLETED' OR end_date IS NOT NULL),
        CONSTRAINT ck_activities_end_not_before_start CHECK (end_date IS NULL OR end_date >= start_date),
        CONSTRAINT ck_activities_status CHECK (status IN ('COMPLETED', 'ONGOING', 'PLANNED', 'SUSPENDED')),
        CONSTRAINT ck_activities_type CHECK (type IN ('BAC', 'CLEARANCE', 'EOD_SPOT_TASK', 'NTS', 'POST_CLEARANCE_INSPECTION', 'TS')),
        CONSTRAINT ck_activities_worked_area_valid CHECK (worked_area IS NULL OR ST_IsValid(worked_area)),
        CONSTRAINT fk_activities_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code) ON DELETE RESTRICT,
        CONSTRAINT fk_activities_hazard_areas_hazard_area_id FOREIGN KEY (hazard_area_id) REFERENCES hazard_areas (id) ON DELETE RESTRICT,
        CONSTRAINT fk_activities_organisations_organisation_code FOREIGN KEY (organisation_code) REFERENCES organisations (code) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE TABLE activity_devices (
        device_type character varying(16) NOT NULL,
        activity_id uuid NOT NULL,
        found integer NOT NULL,
        destroyed integer NOT NULL,
        CONSTRAINT pk_activity_devices PRIMARY KEY (activity_id, device_type),
        CONSTRAINT ck_activity_devices_counts CHECK (found >= 0 AND destroyed >= 0),
        CONSTRAINT ck_activity_devices_device_type CHECK (device_type IN ('AP_MINE', 'AV_MINE', 'OTHER_ERW', 'SUBMUNITION')),
        CONSTRAINT fk_activity_devices_activities_activity_id FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE TABLE activity_outcomes (
        ordinal integer NOT NULL,
        activity_id uuid NOT NULL,
        kind character varying(16) NOT NULL,
        geometry geometry(MultiPolygon,4326) NOT NULL,
        area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
        release_decision_id uuid,
        CONSTRAINT pk_activity_outcomes PRIMARY KEY (activity_id, ordinal),
        CONSTRAINT ck_activity_outcomes_geometry_valid CHECK (ST_IsValid(geometry)),
        CONSTRAINT ck_activity_outcomes_kind CHECK (kind IN ('CANCELLED', 'CLEARED', 'REDUCED')),
        CONSTRAINT fk_activity_outcomes_activities_activity_id FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE,
        CONSTRAINT fk_activity_outcomes_release_decisions_release_decision_id FOREIGN KEY (release_decision_id) REFERENCES release_decisions (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE TABLE activity_versions (
        id bigint GENERATED ALWAYS AS IDENTITY,
        activity_id uuid NOT NULL,
        version integer NOT NULL,
        feature jsonb NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        recorded_by character varying(200) NOT NULL,
        recorded_by_organisation character varying(20),
        change_reason character varying(1000) NOT NULL,
        CONSTRAINT pk_activity_versions PRIMARY KEY (id),
        CONSTRAINT fk_activity_versions_activities_activity_id FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_release_decisions_activity_id ON release_decisions (activity_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE UNIQUE INDEX ix_activities_country_code_local_id ON activities (country_code, local_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activities_country_code_status_end_date ON activities (country_code, status, end_date);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activities_hazard_area_id ON activities (hazard_area_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activities_organisation_code ON activities (organisation_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activities_reference_point ON activities USING gist (reference_point);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activities_worked_area ON activities USING gist (worked_area);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activity_outcomes_geometry ON activity_outcomes USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE INDEX ix_activity_outcomes_release_decision_id ON activity_outcomes (release_decision_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    CREATE UNIQUE INDEX ix_activity_versions_activity_id_version ON activity_versions (activity_id, version);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    ALTER TABLE release_decisions ADD CONSTRAINT fk_release_decisions_activities_activity_id FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE RESTRICT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130000456_Activities') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261130000456_Activities', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE TABLE hazard_area_traverses (
        hazard_area_id uuid NOT NULL,
        version integer NOT NULL,
        traverse jsonb NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_hazard_area_traverses PRIMARY KEY (hazard_area_id, version),
        CONSTRAINT fk_hazard_area_traverses_hazard_areas_hazard_area_id FOREIGN KEY (hazard_area_id) REFERENCES hazard_areas (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE TABLE upload_features (
        upload_id uuid NOT NULL,
        index integer NOT NULL,
        local_id character varying(64),
        outcome character varying(16) NOT NULL,
        action character varying(16),
        record_id uuid,
        violations jsonb,
        warnings jsonb,
        CONSTRAINT pk_upload_features PRIMARY KEY (upload_id, index),
        CONSTRAINT ck_upload_features_action CHECK (action IN ('CREATED', 'UNCHANGED', 'UPDATED')),
        CONSTRAINT ck_upload_features_outcome CHECK (outcome IN ('ACCEPTED', 'NOT_STORED', 'REJECTED'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE UNLOGGED TABLE upload_staged_areas (
        upload_id uuid NOT NULL,
        index integer NOT NULL,
        local_id character varying(64),
        name character varying(200),
        classification character varying(8),
        contamination text[],
        status character varying(16),
        evidence jsonb,
        date_of_information date,
        organisation_code character varying(20),
        geometry geometry(MultiPolygon,4326),
        change_reason character varying(1000),
        record_id uuid NOT NULL,
        existing_id uuid,
        existing_version integer,
        violations jsonb,
        warnings jsonb,
        traverse jsonb,
        CONSTRAINT pk_upload_staged_areas PRIMARY KEY (upload_id, index)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE TABLE uploads (
        id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        organisation_code character varying(20) NOT NULL,
        kind character varying(16) NOT NULL,
        atomic boolean NOT NULL,
        file_name character varying(255),
        format character varying(32),
        crs character varying(200),
        idempotency_key character varying(200),
        request_sha256 character varying(64),
        state character varying(16) NOT NULL,
        total integer NOT NULL,
        processed integer NOT NULL,
        accepted integer NOT NULL,
        rejected integer NOT NULL,
        problem jsonb,
        problem_status integer,
        created_at timestamp with time zone NOT NULL,
        created_by character varying(200) NOT NULL,
        created_by_organisation character varying(20),
        finished_at timestamp with time zone,
        CONSTRAINT pk_uploads PRIMARY KEY (id),
        CONSTRAINT ck_uploads_kind CHECK (kind IN ('ACTIVITIES', 'HAZARD_AREAS')),
        CONSTRAINT ck_uploads_state CHECK (state IN ('DONE', 'FAILED', 'PROCESSING', 'QUEUED', 'RECEIVING')),
        CONSTRAINT fk_uploads_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code) ON DELETE RESTRICT,
        CONSTRAINT fk_uploads_organisations_organisation_code FOREIGN KEY (organisation_code) REFERENCES organisations (code) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE INDEX ix_upload_features_upload_id_outcome_index ON upload_features (upload_id, outcome, index);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE INDEX ix_uploads_country_code_created_at ON uploads (country_code, created_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE UNIQUE INDEX ix_uploads_created_by_idempotency_key ON uploads (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    CREATE INDEX ix_uploads_organisation_code ON uploads (organisation_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130010207_Uploads') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261130010207_Uploads', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    DROP INDEX ix_release_decisions_country_code_state_date_of_information;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE TABLE report_countries (
        country_code character varying(3) NOT NULL,
        data_version bigint NOT NULL,
        refreshed_at timestamp with time zone,
        refresh_ms integer,
        rebuilt_at timestamp with time zone,
        rebuild_ms integer,
        rebuild_differences integer,
        failed_at timestamp with time zone,
        failure character varying(4000),
        CONSTRAINT pk_report_countries PRIMARY KEY (country_code),
        CONSTRAINT fk_report_countries_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE TABLE report_credits (
        decision_id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        hazard_area_id uuid NOT NULL,
        kind character varying(16) NOT NULL,
        date_of_information date NOT NULL,
        approved_at timestamp with time zone NOT NULL,
        revoked_from date,
        revoked_at timestamp with time zone,
        geometry geometry(MultiPolygon,4326) NOT NULL,
        area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
        credited_sqm double precision NOT NULL,
        CONSTRAINT pk_report_credits PRIMARY KEY (decision_id),
        CONSTRAINT ck_report_credits_kind CHECK (kind IN ('CANCELLED', 'CLEARED', 'REDUCED')),
        CONSTRAINT fk_report_credits_release_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES release_decisions (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE TABLE report_differences (
        id bigint GENERATED ALWAYS AS IDENTITY,
        country_code character varying(3) NOT NULL,
        year integer NOT NULL,
        figure character varying(200) NOT NULL,
        incremental double precision,
        rebuilt double precision,
        found_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_report_differences PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE TABLE report_dirty (
        id bigint GENERATED ALWAYS AS IDENTITY,
        country_code character varying(3) NOT NULL,
        since date NOT NULL,
        hazard_area_id uuid,
        cause character varying(32) NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_report_dirty PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE TABLE report_snapshots (
        id bigint GENERATED ALWAYS AS IDENTITY,
        country_code character varying(3) NOT NULL,
        kind character varying(16) NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        as_at date,
        data_version bigint NOT NULL,
        figures jsonb NOT NULL,
        computed_at timestamp with time zone NOT NULL,
        compute_ms integer NOT NULL,
        CONSTRAINT pk_report_snapshots PRIMARY KEY (id),
        CONSTRAINT ck_report_snapshots_kind CHECK (kind IN ('YEAR', 'PERIOD', 'APMBC', 'CCM'))
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_release_decisions_country_code_state_date_of_information ON release_decisions (country_code, state, date_of_information) INCLUDE (hazard_area_id, credited_area_sqm);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_hazard_area_versions_country_code_date_of_information ON hazard_area_versions (country_code, date_of_information) INCLUDE (id, hazard_area_id, version, recorded_at, classification, status, area_sqm, contamination);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_report_credits_country_code_date_of_information ON report_credits (country_code, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_report_credits_geometry ON report_credits USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_report_credits_hazard_area_id ON report_credits (hazard_area_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_report_credits_revoked ON report_credits (country_code, hazard_area_id) WHERE revoked_at IS NOT NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_report_differences_country_code_found_at ON report_differences (country_code, found_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE INDEX ix_report_dirty_country_code_id ON report_dirty (country_code, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    CREATE UNIQUE INDEX ix_report_snapshots_country_code_kind_period_from_period_to_as ON report_snapshots (country_code, kind, period_from, period_to, as_at, data_version) NULLS NOT DISTINCT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130014429_Reports') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261130014429_Reports', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130024535_UploadUnchanged') THEN
    ALTER TABLE upload_staged_areas ADD unchanged boolean NOT NULL DEFAULT FALSE;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130024535_UploadUnchanged') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261130024535_UploadUnchanged', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE hazard_areas ADD CONSTRAINT ck_hazard_areas_date_of_information_plausible
        CHECK (isfinite(date_of_information) AND date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE hazard_area_versions ADD CONSTRAINT ck_hazard_area_versions_date_of_information_plausible
        CHECK (isfinite(date_of_information) AND date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE release_decisions ADD CONSTRAINT ck_release_decisions_date_of_information_plausible
        CHECK (isfinite(date_of_information) AND date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE release_decisions ADD CONSTRAINT ck_release_decisions_revoked_from_plausible
        CHECK (isfinite(revoked_from) AND revoked_from BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE activities ADD CONSTRAINT ck_activities_start_date_plausible
        CHECK (isfinite(start_date) AND start_date BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE activities ADD CONSTRAINT ck_activities_end_date_plausible
        CHECK (isfinite(end_date) AND end_date BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE quality_incidents ADD CONSTRAINT ck_quality_incidents_date_of_information_plausible
        CHECK (isfinite(date_of_information) AND date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE upload_staged_areas ADD CONSTRAINT ck_upload_staged_areas_date_of_information_plausible
        CHECK (isfinite(date_of_information) AND date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE report_credits ADD CONSTRAINT ck_report_credits_date_of_information_plausible
        CHECK (isfinite(date_of_information) AND date_of_information BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE report_credits ADD CONSTRAINT ck_report_credits_revoked_from_plausible
        CHECK (isfinite(revoked_from) AND revoked_from BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    ALTER TABLE report_dirty ADD CONSTRAINT ck_report_dirty_since_plausible
        CHECK (isfinite(since) AND since BETWEEN DATE '1900-01-01' AND DATE '2199-12-31') NOT VALID;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160000_PlausibleDates') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207160000_PlausibleDates', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160151_AuditTimeFromDatabase') THEN
    CREATE FUNCTION audit_log_stamp_time() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.at := pg_catalog.now();
        RETURN NEW;
    END;
    $$;
    CREATE TRIGGER audit_log_time_from_database BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_stamp_time();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207160151_AuditTimeFromDatabase') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207160151_AuditTimeFromDatabase', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE TABLE accounts (
        id uuid NOT NULL,
        role character varying(32) NOT NULL,
        countries text[] NOT NULL,
        organisation character varying(20),
        display_name character varying(200) NOT NULL,
        position character varying(200),
        disabled boolean NOT NULL,
        created_at timestamp with time zone NOT NULL,
        user_name character varying(256),
        normalized_user_name character varying(256),
        email character varying(256),
        normalized_email character varying(256),
        email_confirmed boolean NOT NULL,
        password_hash text,
        security_stamp text,
        concurrency_stamp text,
        phone_number text,
        phone_number_confirmed boolean NOT NULL,
        two_factor_enabled boolean NOT NULL,
        lockout_end timestamp with time zone,
        lockout_enabled boolean NOT NULL,
        access_failed_count integer NOT NULL,
        CONSTRAINT pk_accounts PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE TABLE account_claims (
        id integer GENERATED BY DEFAULT AS IDENTITY,
        user_id uuid NOT NULL,
        claim_type text,
        claim_value text,
        CONSTRAINT pk_account_claims PRIMARY KEY (id),
        CONSTRAINT fk_account_claims_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE TABLE account_logins (
        login_provider text NOT NULL,
        provider_key text NOT NULL,
        provider_display_name text,
        user_id uuid NOT NULL,
        CONSTRAINT pk_account_logins PRIMARY KEY (login_provider, provider_key),
        CONSTRAINT fk_account_logins_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE TABLE account_tokens (
        user_id uuid NOT NULL,
        login_provider text NOT NULL,
        name text NOT NULL,
        value text,
        CONSTRAINT pk_account_tokens PRIMARY KEY (user_id, login_provider, name),
        CONSTRAINT fk_account_tokens_accounts_user_id FOREIGN KEY (user_id) REFERENCES accounts (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE TABLE personal_tokens (
        id uuid NOT NULL,
        account_id uuid NOT NULL,
        name character varying(100) NOT NULL,
        hash bytea NOT NULL,
        prefix character varying(16) NOT NULL,
        created_at timestamp with time zone NOT NULL,
        expires_at timestamp with time zone NOT NULL,
        revoked_at timestamp with time zone,
        last_used_at timestamp with time zone,
        CONSTRAINT pk_personal_tokens PRIMARY KEY (id),
        CONSTRAINT fk_personal_tokens_accounts_account_id FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE INDEX ix_account_claims_user_id ON account_claims (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE INDEX ix_account_logins_user_id ON account_logins (user_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE INDEX ix_accounts_normalized_email ON accounts (normalized_email);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE UNIQUE INDEX ix_accounts_normalized_user_name ON accounts (normalized_user_name);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE INDEX ix_personal_tokens_account_id ON personal_tokens (account_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    CREATE UNIQUE INDEX ix_personal_tokens_hash ON personal_tokens (hash);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207161403_Accounts') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207161403_Accounts', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    ALTER TABLE release_decisions ADD certificate_number character varying(20);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    ALTER TABLE release_decisions ADD submitted_at timestamp with time zone;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    UPDATE release_decisions d SET submitted_at = e.at
    FROM (SELECT decision_id, max(at) AS at FROM decision_events WHERE to_state = 'SUBMITTED' GROUP BY decision_id) e
    WHERE e.decision_id = d.id;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    CREATE TABLE certificate_sequences (
        country_code character varying(3) NOT NULL,
        year integer NOT NULL,
        last_number bigint NOT NULL,
        CONSTRAINT pk_certificate_sequences PRIMARY KEY (country_code, year)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    CREATE UNIQUE INDEX ix_release_decisions_certificate_number ON release_decisions (certificate_number);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    CREATE INDEX ix_release_decisions_country_code_state_submitted_at ON release_decisions (country_code, state, submitted_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207185433_ReviewAndCertificates') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207185433_ReviewAndCertificates', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_staged_areas ADD line integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_staged_areas ADD refused_attributes jsonb;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_staged_areas ADD refused_geometry geometry(Geometry,4326);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_staged_areas ADD reported_name character varying(200);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_features ADD attributes jsonb;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_features ADD geometry geometry(Geometry,4326);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_features ADD line integer;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    ALTER TABLE upload_features ADD name character varying(200);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207191120_UploadFeatureDetails') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207191120_UploadFeatureDetails', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    ALTER TABLE uploads DROP CONSTRAINT ck_uploads_kind;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    CREATE TABLE admin_areas (
        id uuid NOT NULL,
        country_code character varying(3) NOT NULL,
        code character varying(40) NOT NULL,
        name character varying(200) NOT NULL,
        level integer NOT NULL,
        parent_code character varying(40),
        geometry geometry(MultiPolygon,4326) NOT NULL,
        area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED NOT NULL,
        version integer NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        recorded_by character varying(200) NOT NULL,
        recorded_by_organisation character varying(20),
        upload_id uuid,
        CONSTRAINT pk_admin_areas PRIMARY KEY (id),
        CONSTRAINT ck_admin_areas_geometry_valid CHECK (ST_IsValid(geometry)),
        CONSTRAINT ck_admin_areas_level CHECK (level IN (1, 2) AND (level = 1) = (parent_code IS NULL)),
        CONSTRAINT fk_admin_areas_countries_country_code FOREIGN KEY (country_code) REFERENCES countries (code) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    CREATE TABLE admin_area_versions (
        id bigint GENERATED ALWAYS AS IDENTITY,
        admin_area_id uuid NOT NULL,
        version integer NOT NULL,
        country_code character varying(3) NOT NULL,
        code character varying(40) NOT NULL,
        name character varying(200) NOT NULL,
        level integer NOT NULL,
        parent_code character varying(40),
        geometry geometry(MultiPolygon,4326) NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        recorded_by character varying(200) NOT NULL,
        recorded_by_organisation character varying(20),
        upload_id uuid,
        CONSTRAINT pk_admin_area_versions PRIMARY KEY (id),
        CONSTRAINT fk_admin_area_versions_admin_areas_admin_area_id FOREIGN KEY (admin_area_id) REFERENCES admin_areas (id) ON DELETE RESTRICT
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    ALTER TABLE uploads ADD CONSTRAINT ck_uploads_kind CHECK (kind IN ('ACTIVITIES', 'ADMIN_AREAS', 'HAZARD_AREAS'));
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    CREATE UNIQUE INDEX ix_admin_area_versions_admin_area_id_version ON admin_area_versions (admin_area_id, version);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    CREATE UNIQUE INDEX ix_admin_areas_country_code_code ON admin_areas (country_code, code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    CREATE INDEX ix_admin_areas_geometry ON admin_areas USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221047_AdminAreas') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207221047_AdminAreas', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221801_GeodesicAreasOnce') THEN
    ALTER TABLE hazard_areas ALTER COLUMN area_sqm DROP EXPRESSION, ALTER COLUMN remaining_area_sqm DROP EXPRESSION;
    ALTER TABLE hazard_area_versions ALTER COLUMN area_sqm DROP EXPRESSION;

    -- An outline written is measured unless its writer gives the m² it already measured for this very outline
    -- (only the upload merge does, from the staged row); an outline left alone keeps its m² whatever is set.
    CREATE FUNCTION hazard_areas_geodesic_areas() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND NEW.geometry = OLD.geometry THEN
            NEW.area_sqm := OLD.area_sqm;
        ELSIF TG_OP = 'INSERT' OR NEW.area_sqm IS NULL OR NEW.area_sqm IS NOT DISTINCT FROM OLD.area_sqm THEN
            NEW.area_sqm := COALESCE(CASE WHEN TG_OP = 'INSERT' THEN NEW.area_sqm END, ST_Area(NEW.geometry::geography));
        END IF;
        IF TG_OP = 'UPDATE' AND NEW.remaining_geometry = OLD.remaining_geometry AND NEW.geometry = OLD.geometry THEN
            NEW.remaining_area_sqm := OLD.remaining_area_sqm;
        ELSIF NEW.remaining_geometry = NEW.geometry THEN
            NEW.remaining_area_sqm := NEW.area_sqm;
        ELSE
            NEW.remaining_area_sqm := ST_Area(NEW.remaining_geometry::geography);
        END IF;
        RETURN NEW;
    END $$;
    CREATE TRIGGER hazard_areas_geodesic_areas
        BEFORE INSERT OR UPDATE OF geometry, remaining_geometry, area_sqm, remaining_area_sqm ON hazard_areas
        FOR EACH ROW EXECUTE FUNCTION hazard_areas_geodesic_areas();

    CREATE FUNCTION hazard_area_versions_geodesic_area() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.area_sqm := COALESCE(NEW.area_sqm, ST_Area(NEW.geometry::geography));
        RETURN NEW;
    END $$;
    CREATE TRIGGER hazard_area_versions_geodesic_area BEFORE INSERT ON hazard_area_versions
        FOR EACH ROW EXECUTE FUNCTION hazard_area_versions_geodesic_area();
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221801_GeodesicAreasOnce') THEN
    ALTER TABLE upload_staged_areas ADD area_sqm double precision GENERATED ALWAYS AS (ST_Area(geometry::geography)) STORED;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207221801_GeodesicAreasOnce') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207221801_GeodesicAreasOnce', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207223335_FrozenMoverNames') THEN
    ALTER TABLE decision_events ADD by_display_name character varying(200);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207223335_FrozenMoverNames') THEN
    ALTER TABLE decision_events ADD by_position character varying(200);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207223335_FrozenMoverNames') THEN
    UPDATE decision_events e SET by_display_name = a.display_name, by_position = a.position
    FROM accounts a WHERE a.user_name = e.by AND e.by_display_name IS NULL;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207223335_FrozenMoverNames') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207223335_FrozenMoverNames', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207233803_DataProtectionKeys') THEN
    CREATE TABLE IF NOT EXISTS data_protection_keys (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        friendly_name text NOT NULL,
        xml text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp());
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261207233803_DataProtectionKeys') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261207233803_DataProtectionKeys', '10.0.15');
    END IF;
END $EF$;
COMMIT;

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261208011023_StagedAreasUnmeasured') THEN
    ALTER TABLE upload_staged_areas DROP COLUMN area_sqm;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261208011023_StagedAreasUnmeasured') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261208011023_StagedAreasUnmeasured', '10.0.15');
    END IF;
END $EF$;
COMMIT;

