CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    migration_id character varying(150) NOT NULL,
    product_version character varying(32) NOT NULL,
    CONSTRAINT pk___ef_migrations_history PRIMARY KEY (migration_id)
);

START TRANSACTION;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE EXTENSION IF NOT EXISTS postgis;
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
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
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE INDEX ix_countries_boundary ON countries USING gist (boundary);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE INDEX ix_hazard_area_versions_hazard_area_id_date_of_information ON hazard_area_versions (hazard_area_id, date_of_information);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE UNIQUE INDEX ix_hazard_area_versions_hazard_area_id_version ON hazard_area_versions (hazard_area_id, version);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE UNIQUE INDEX ix_hazard_areas_country_code_local_id ON hazard_areas (country_code, local_id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE INDEX ix_hazard_areas_country_code_status_id ON hazard_areas (country_code, status, id);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE INDEX ix_hazard_areas_geometry ON hazard_areas USING gist (geometry);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    CREATE INDEX ix_hazard_areas_organisation_code ON hazard_areas (organisation_code);
    END IF;
END $EF$;

DO $EF$
BEGIN
    IF NOT EXISTS(SELECT 1 FROM "__EFMigrationsHistory" WHERE "migration_id" = '20261129220907_InitialRegister') THEN
    INSERT INTO "__EFMigrationsHistory" (migration_id, product_version)
    VALUES ('20261129220907_InitialRegister', '10.0.15');
    END IF;
END $EF$;
COMMIT;

