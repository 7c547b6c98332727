using System.CommandLine;

namespace Inventory.Benchmark;

/// <summary>The benchmark's command line: the write side by default, the read side as <c>read-side</c>, the cost of tracing
/// as <c>tracing</c>, stock as of an instant as <c>as-of</c>, the write side as the ledger grows as <c>scale</c>. Only the
/// options below are accepted; an unknown or mistyped one, or a value out of range, is refused with exit code 1.</summary>
internal static class BenchmarkCommand
{
    public const string ConnectionVariable = "INVENTORY_BENCH_POSTGRES";

    public static RootCommand Create()
    {
        var connection = new Option<string?>("--connection")
        {
            Description = $"Npgsql connection string of a PostgreSQL superuser (default: {ConnectionVariable}; build/bench.sh provisions a throwaway server)",
            Recursive = true,
        };
        var diagnose = new Option<bool>("--diagnose")
        {
            Description = "also print each phase's details: CPU of this process and of the rest of the machine, JIT, GC, the event store's queue, latency by kind of item; projection statuses",
            Recursive = true,
        };

        var seconds = CommandLineOptions.Number("--seconds", "length of each measured phase, seconds", 10, 1, 600);
        var items = CommandLineOptions.Number("--items", "stock items the movements go to", 10_000, 10, 1_000_000);
        var skew = CommandLineOptions.Number("--skew", "Zipf exponent of the items' popularity, 0 = uniform", 1.0, 0.0, 10.0);
        var memoryItems = CommandLineOptions.Number("--memory-items", "items activated to measure memory per active item", 20_000, 100, 1_000_000);
        var warmUp = CommandLineOptions.Number("--warm-up", "at most this many seconds of warm-up, until the JIT has settled", 120, 0, 600);
        var rounds = CommandLineOptions.Number("--rounds", "alternating baseline/grain rounds at 64 callers; the median round is judged", 3, 1, 15);
        var projections = CommandLineOptions.OneOf("--projections", "live: the read side takes every movement, as in production; idle: the write path alone", "live", "live", "idle");
        var openRate = CommandLineOptions.OptionalNumber("--open-rate", "the open loop at this rate instead of half the 64-caller rate (to compare builds at one rate; no target then)", 1.0, 100_000.0);
        var checkpoint = new Option<bool>("--checkpoint-in-phase") { Description = "issue a CHECKPOINT as the grains' measured open loop begins: its p99 with a checkpoint under way" };

        var root = new RootCommand("The write-side benchmark: stock item grains on PostgreSQL against a plain Npgsql baseline (one row per transaction) "
            + "measured in the same run; one results table.")
        {
            connection, diagnose, seconds, items, skew, memoryItems, warmUp, rounds, projections, openRate, checkpoint,
        };
        root.Validators.Add(result => RequireConnection(result, connection));
        root.SetAction((parsed, _) => WriteSideBenchmark.RunAsync(new WriteSideOptions(
            ConnectionOf(parsed.GetValue(connection))!,
            parsed.GetValue(diagnose),
            parsed.GetValue(seconds),
            parsed.GetValue(items),
            parsed.GetValue(skew),
            parsed.GetValue(memoryItems),
            parsed.GetValue(warmUp),
            parsed.GetValue(rounds),
            parsed.GetValue(projections) == "live",
            parsed.GetValue(openRate),
            parsed.GetValue(checkpoint))));
        root.Subcommands.Add(ReadSide(connection, diagnose));
        root.Subcommands.Add(Ledger(connection));
        root.Subcommands.Add(Tracing(connection));
        root.Subcommands.Add(AsOf(connection));
        root.Subcommands.Add(Scale(connection));
        return root;
    }

    private static Command ReadSide(Option<string?> connection, Option<bool> diagnose)
    {
        var rate = CommandLineOptions.Number("--rate", "freshness: movements/s of the open loop", 500.0, 1.0, 100_000.0);
        var seconds = CommandLineOptions.Number("--seconds", "freshness: length of the measured phase, seconds", 20, 1, 600);
        var items = CommandLineOptions.Number("--items", "stock items (every SKU in every warehouse)", 2_000, 10, 1_000_000);
        var warehouses = CommandLineOptions.Number("--warehouses", "warehouses the items are spread over", 10, 1, 100);
        var skew = CommandLineOptions.Number("--skew", "Zipf exponent of the items' popularity, 0 = uniform", 1.0, 0.0, 10.0);
        var sample = CommandLineOptions.Number("--sample", "freshness: one acknowledged movement in this many is followed until both views show it", 10, 1, 1_000);
        var crashRate = CommandLineOptions.Number("--crash-rate", "crash: movements/s of the open loop over two silo processes", 400.0, 1.0, 100_000.0);
        var catchUpRate = CommandLineOptions.Number("--catch-up-rate", "catch-up-cost: movements/s of the open loop", 400.0, 1.0, 100_000.0);
        var catchUpSeconds = CommandLineOptions.Number("--catch-up-seconds", "catch-up-cost: length of each measured window, seconds", 15, 1, 600);
        var catchUpRounds = CommandLineOptions.Number("--catch-up-rounds", "catch-up-cost: rounds of each catch-up setting, order alternating; the median round of each is judged", 3, 1, 10);
        var only = new Option<string?>("--only") { Description = "run one part only" };
        only.AcceptOnlyFromAmong("freshness", "crash", "catch-up-cost");

        var command = new Command("read-side", "The read side's consistency SLA: the views' freshness at a steady rate (one in-process silo), then the "
            + "bound after a crash (two silo processes, one SIGKILLed under load), then the database server's CPU per movement with the "
            + "projections' catch-up reading the log's entries first or every event whole (alternating rounds); one results table.")
        {
            rate, seconds, items, warehouses, skew, sample, crashRate, catchUpRate, catchUpSeconds, catchUpRounds, only,
        };
        command.Validators.Add(result => RequireConnection(result, connection));
        command.SetAction((parsed, _) => ReadSideBenchmark.RunAsync(new ReadSideOptions(
            ConnectionOf(parsed.GetValue(connection))!,
            parsed.GetValue(diagnose),
            parsed.GetValue(rate),
            parsed.GetValue(seconds),
            parsed.GetValue(items),
            parsed.GetValue(warehouses),
            parsed.GetValue(skew),
            parsed.GetValue(sample),
            parsed.GetValue(crashRate),
            parsed.GetValue(catchUpRate),
            parsed.GetValue(catchUpSeconds),
            parsed.GetValue(catchUpRounds),
            parsed.GetValue(only) is null or "freshness",
            parsed.GetValue(only) is null or "crash",
            parsed.GetValue(only) is null or "catch-up-cost")));
        return command;
    }

    private static Command Ledger(Option<string?> connection)
    {
        var events = CommandLineOptions.Number("--events", "events in the ledger", 1_000_000L, 1_000L, 100_000_000L);
        var items = CommandLineOptions.Number("--items", "stock items the events go to", 20_000, 10, 1_000_000);
        var warehouses = CommandLineOptions.Number("--warehouses", "warehouses the items are spread over", 10, 1, 100);
        var skew = CommandLineOptions.Number("--skew", "Zipf exponent of the items' popularity, 0 = uniform", 1.0, 0.0, 10.0);
        var command = new Command("ledger", "The ledger at scale: seeds a fresh database through the event store, then times the ledger audit "
            + "(inventory verify) against a raw read of the same rows; one results table.")
        {
            events, items, warehouses, skew,
        };
        command.Validators.Add(result => RequireConnection(result, connection));
        command.SetAction((parsed, _) => LedgerBenchmark.RunAsync(new LedgerOptions(
            ConnectionOf(parsed.GetValue(connection))!,
            parsed.GetValue(events),
            parsed.GetValue(items),
            parsed.GetValue(warehouses),
            parsed.GetValue(skew))));
        return command;
    }

    private static Command AsOf(Option<string?> connection)
    {
        var skus = CommandLineOptions.Number("--skus", "SKUs of the audited warehouse", 100_000, 1_000, 100_000);
        var events = CommandLineOptions.Number("--events-per-sku", "events per SKU, on average", 4, 1, 100);
        var rounds = CommandLineOptions.Number("--rounds", "rounds of every measurement; the best of each is reported", 3, 1, 10);
        var command = new Command("as-of", "Stock as of an instant for an audit: seeds a warehouse of --skus SKUs through the event store, then times "
            + "its as-of export, one page and one SKU through the stock-ledger grain against a plain sequential read of its events; one results table.")
        {
            skus, events, rounds,
        };
        command.Validators.Add(result => RequireConnection(result, connection));
        command.SetAction((parsed, _) => AsOfBenchmark.RunAsync(new AsOfOptions(
            ConnectionOf(parsed.GetValue(connection))!,
            parsed.GetValue(skus),
            parsed.GetValue(events),
            parsed.GetValue(rounds))));
        return command;
    }

    private static Command Scale(Option<string?> connection)
    {
        var events = CommandLineOptions.Number("--events", "events in the full ledger", 10_000_000L, 10_000L, 100_000_000L);
        var items = CommandLineOptions.Number("--items", "stock items the ledger's events go to", 200_000, 100, 10_000_000);
        var baseEvents = CommandLineOptions.Number("--base-events", "events in the ledger at the first rebuild (the rebuild's baseline), less than --events", 1_000_000L, 1_000L, 100_000_000L);
        var skew = CommandLineOptions.Number("--skew", "Zipf exponent of the items' share of the ledger, 0 = uniform", 0.5, 0.0, 10.0);
        var seconds = CommandLineOptions.Number("--seconds", "length of each measured round of movements, seconds", 10, 1, 600);
        var warmUp = CommandLineOptions.Number("--warm-up", "at most this many seconds of unmeasured movements before each ledger's rounds, until the JIT has settled", 90, 0, 600);
        var loadItems = CommandLineOptions.Number("--load-items", "items of their own the measured movements go to (Zipf s=1), the same on both ledgers", 10_000, 10, 1_000_000);
        var command = new Command("scale", "Flat as the ledger grows: movements/s, an item's history page, as-of read and cold activation on a nearly empty "
            + "ledger, then on one loaded through the event store to --events; the rebuild's time per million at --base-events and --events; one results table.")
        {
            events, items, baseEvents, skew, seconds, warmUp, loadItems,
        };
        command.Validators.Add(result => RequireConnection(result, connection));
        command.SetAction((parsed, _) => parsed.GetValue(baseEvents) >= parsed.GetValue(events)
            ? Task.FromResult(Refuse("--base-events must be less than --events."))
            : ScaleBenchmark.RunAsync(new ScaleOptions(
            ConnectionOf(parsed.GetValue(connection))!,
            parsed.GetValue(events),
            parsed.GetValue(items),
            parsed.GetValue(baseEvents),
            parsed.GetValue(skew),
            parsed.GetValue(seconds),
            parsed.GetValue(warmUp),
            parsed.GetValue(loadItems))));
        return command;
    }

    private static Command Tracing(Option<string?> connection)
    {
        var seconds = CommandLineOptions.Number("--seconds", "length of each measured phase, seconds", 8, 1, 600);
        var rounds = CommandLineOptions.Number("--rounds", "rounds of tracing off and on (order alternating); the median round by ratio is judged", 3, 1, 15);
        var callers = CommandLineOptions.Number("--callers", "callers of the closed loop", 64, 1, 1_000);
        var items = CommandLineOptions.Number("--items", "stock items the movements go to", 10_000, 10, 1_000_000);
        var skew = CommandLineOptions.Number("--skew", "Zipf exponent of the items' popularity, 0 = uniform", 1.0, 0.0, 10.0);
        var warmUp = CommandLineOptions.Number("--warm-up", "seconds of unmeasured load before the rounds, half with tracing on", 20, 0, 600);

        var command = new Command("tracing", "What tracing costs the write path: movements/s of one in-process silo with tracing off and on "
            + "(every span sampled, exported nowhere) in alternating rounds of one run; one results table.")
        {
            seconds, rounds, callers, items, skew, warmUp,
        };
        command.Validators.Add(result => RequireConnection(result, connection));
        command.SetAction((parsed, _) => TracingBenchmark.RunAsync(new TracingOptions(
            ConnectionOf(parsed.GetValue(connection))!,
            parsed.GetValue(seconds),
            parsed.GetValue(rounds),
            parsed.GetValue(callers),
            parsed.GetValue(items),
            parsed.GetValue(skew),
            parsed.GetValue(warmUp))));
        return command;
    }

    private static int Refuse(string error)
    {
        Console.Error.WriteLine(error);
        return 1;
    }

    private static void RequireConnection(System.CommandLine.Parsing.CommandResult result, Option<string?> connection)
    {
        if (string.IsNullOrWhiteSpace(ConnectionOf(result.GetValue(connection))))
        {
            result.AddError($"Give a PostgreSQL connection: --connection \"Host=...\" or {ConnectionVariable} (./build/bench.sh provisions a throwaway one).");
        }
    }

    private static string? ConnectionOf(string? given) => given ?? Environment.GetEnvironmentVariable(ConnectionVariable);
}
