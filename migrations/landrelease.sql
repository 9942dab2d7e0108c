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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE TABLE report_dirty (
        id bigint GENERATED ALWAYS AS IDENTITY,
        country_code character varying(3) NOT NULL,
        since date NOT NULL,
        hazard_area_id uuid NOT NULL,
        cause character varying(32) NOT NULL,
        recorded_at timestamp with time zone NOT NULL,
        CONSTRAINT pk_report_dirty PRIMARY KEY (id)
    );
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE INDEX ix_hazard_area_versions_country_code_date_of_information ON hazard_area_versions (country_code, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE INDEX ix_report_credits_country_code_date_of_information ON report_credits (country_code, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE INDEX ix_report_credits_geometry ON report_credits USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE INDEX ix_report_credits_hazard_area_id ON report_credits (hazard_area_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE INDEX ix_report_differences_country_code_found_at ON report_differences (country_code, found_at);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE INDEX ix_report_dirty_country_code_id ON report_dirty (country_code, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    CREATE UNIQUE INDEX ix_report_snapshots_country_code_kind_period_from_period_to_as ON report_snapshots (country_code, kind, period_from, period_to, as_at, data_version) NULLS NOT DISTINCT;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261130002354_Reports') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261130002354_Reports', '10.0.15');
    END IF;
END $EF$;
COMMIT;

