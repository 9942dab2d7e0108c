using Npgsql;

namespace LandRelease.Data.Roles;

/// <summary>
/// What the connection's role could do beyond its grants: be a superuser, create roles (and so grant itself the owner's),
/// own or be able to become the owner of the database or of any table, view, sequence or function outside the
/// system schemas. An application role should have none of these.
/// </summary>
public sealed record RolePowers(string Role, bool Superuser, bool CreateRole, bool OwnsDatabase, long OwnedObjects)
{
    private const string Sql = """
        SELECT current_user::text, r.rolsuper, r.rolcreaterole,
               pg_has_role(current_user, d.datdba, 'MEMBER'),
               (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND n.nspname NOT LIKE 'pg\_%'
                  AND n.nspname <> 'information_schema' AND pg_has_role(current_user, c.relowner, 'MEMBER'))
             + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
                  AND pg_has_role(current_user, p.proowner, 'MEMBER')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e'))
        FROM pg_roles r, pg_database d
        WHERE r.rolname = current_user AND d.datname = current_database()
        """;

    public bool OwnsAnything => Superuser || CreateRole || OwnsDatabase || OwnedObjects > 0;

    public string Describe() => string.Join(", ", new[]
    {
        Superuser ? "is a superuser" : null,
        CreateRole ? "may create roles" : null,
        OwnsDatabase ? "owns the database" : null,
        OwnedObjects > 0 ? $"owns {OwnedObjects} tables, sequences or functions" : null,
    }.Where(p => p is not null));

    public static async Task<RolePowers> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(Sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RolePowers(reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetInt64(4));
    }
}
