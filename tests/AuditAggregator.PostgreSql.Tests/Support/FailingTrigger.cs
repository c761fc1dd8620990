namespace AuditAggregator.PostgreSql.Tests.Support;

/// <summary>
/// A trigger on the checkpoint table that makes a commit fail after its events were inserted, inside the
/// transaction: by an error, or by the server ending the connection, as a killed machine would.
/// </summary>
public static class FailingTrigger
{
    public static Task<object?> RaiseErrorAsync(PostgreSqlFixture fixture, string schema) =>
        InstallAsync(fixture, schema, "RAISE EXCEPTION 'injected failure between the insert and the checkpoint';");

    public static Task<object?> DropConnectionAsync(PostgreSqlFixture fixture, string schema, int whenEventsAbove = -1) =>
        InstallAsync(fixture, schema, $"IF (SELECT count(*) FROM \"{schema}\".audit_events) > {whenEventsAbove} THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;");

    public static Task<object?> RemoveAsync(PostgreSqlFixture fixture, string schema) =>
        fixture.ScalarAsync($"DROP TRIGGER fail_checkpoint ON \"{schema}\".audit_checkpoints");

    private static Task<object?> InstallAsync(PostgreSqlFixture fixture, string schema, string body) => fixture.ScalarAsync($"""
        CREATE OR REPLACE FUNCTION "{schema}".fail_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NEW; END $$;
        CREATE TRIGGER fail_checkpoint BEFORE INSERT OR UPDATE ON "{schema}".audit_checkpoints
            FOR EACH ROW EXECUTE FUNCTION "{schema}".fail_checkpoint();
        """);
}
