namespace Inventory.Integration.Tests.Infrastructure;

/// <summary>The PostgreSQL server the integration tests run against: <c>INVENTORY_TEST_POSTGRES</c>.</summary>
public static class TestPostgres
{
    public const string Variable = "INVENTORY_TEST_POSTGRES";

    /// <summary>The server's connection string. There is no silent skip: without it every test fails and says why.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run ./build/test.sh, which provisions a throwaway PostgreSQL and sets it, " +
                $"or set {Variable} to a connection string of a PostgreSQL 15+ server on which you may create databases " +
                "(e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres\").");
}
