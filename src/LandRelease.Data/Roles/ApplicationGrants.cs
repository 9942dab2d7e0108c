using System.Text;
using Npgsql;

namespace LandRelease.Data.Roles;

/// <summary>
/// Gives the application role exactly its privileges on everything the owner owns, read from the catalog each time:
/// run by the migrate step after the migrations, with the owner's connection, so a table a later migration adds is
/// covered without anyone remembering to. Idempotent (each object's privileges are revoked and granted afresh in one
/// transaction) and serialised across nodes by an advisory lock.
/// </summary>
public static class ApplicationGrants
{
    // "GRNT" in ASCII: the lock that keeps two nodes migrating at once from granting on the same rows together.
    private const long LockKey = 0x47524E54;

    /// <summary>Schemas whose objects are granted: public (owned by the database owner) and those the owner created.</summary>
    private const string Objects = """
        SELECT format('%I.%I', n.nspname, c.relname), c.relname, c.relkind::text
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
          AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          AND (n.nspname = 'public' OR n.nspowner = c.relowner)
          AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY 1
        """;

    private const string Schemas = """
        SELECT quote_ident(n.nspname) FROM pg_namespace n
        WHERE n.nspname = 'public' OR (n.nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
                                       AND n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema')
        ORDER BY 1
        """;

    /// <summary>Applies the grants; returns how many tables, views and sequences were granted.</summary>
    public static async Task<int> ApplyAsync(NpgsqlConnection owner, string applicationRole, CancellationToken ct = default)
    {
        await using var transaction = await owner.BeginTransactionAsync(ct);
        await ExecuteAsync(owner, $"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var role = await QuoteRoleAsync(owner, applicationRole, ct);
        var sql = new StringBuilder();
        sql.AppendLine($"GRANT CONNECT, TEMPORARY ON DATABASE {await ScalarAsync(owner, "SELECT quote_ident(current_database())", ct)} TO {role};");
        foreach (var schema in await ListAsync(owner, Schemas, ct))
        {
            sql.AppendLine($"REVOKE ALL ON SCHEMA {schema[0]} FROM {role}; GRANT USAGE ON SCHEMA {schema[0]} TO {role};");
        }

        var objects = await ListAsync(owner, Objects, ct);
        foreach (var (name, table, kind) in objects.Select(o => (o[0], o[1], o[2])))
        {
            var (type, privileges) = kind switch
            {
                "S" => ("SEQUENCE", "USAGE, SELECT"),
                "m" => ("TABLE", "SELECT"),
                _ => ("TABLE", TableClasses.PrivilegesFor(table)),
            };
            sql.AppendLine($"REVOKE ALL ON {type} {name} FROM {role}; GRANT {privileges} ON {type} {name} TO {role};");
        }

        await ExecuteAsync(owner, sql.ToString(), ct);
        await transaction.CommitAsync(ct);
        return objects.Count;
    }

    private static async Task<string> QuoteRoleAsync(NpgsqlConnection owner, string role, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT quote_ident(rolname), rolname = current_user FROM pg_roles WHERE rolname = $1", owner);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = role });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException(
                $"The application role '{role}' does not exist: create it (see README, \"Database roles\") or set Database:ApplicationRole.");
        }

        if (reader.GetBoolean(1))
        {
            throw new InvalidOperationException(
                $"The application role '{role}' is the role running the migrations: the API must connect as a role that owns nothing.");
        }

        return reader.GetString(0);
    }

    private static async Task<List<string[]>> ListAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var rows = new List<string[]>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
