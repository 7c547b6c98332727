using System.Globalization;

namespace Inventory.LoadGenerator;

/// <summary>The figures of one measured phase, printed for people and as one <c>RESULT</c> line for scripts.</summary>
internal sealed record LoadReport(
    string Label,
    TimeSpan Elapsed,
    long Requests,
    long MovementsSent,
    Distribution Latency,
    StatusCounts Statuses,
    long AttemptTimeouts,
    long AttemptConnectionErrors,
    long Attempt5xx,
    long Retries,
    long DuplicatesAfterRetry,
    OpenLoopFigures? Open,
    double CpuCoresUsed)
{
    public double MovementsPerSecond => Statuses.Answered / Elapsed.TotalSeconds;

    public double AppliedPerSecond => Statuses.Created / Elapsed.TotalSeconds;

    public void Print(TextWriter output)
    {
        output.WriteLine($"[{Label}] {MovementsPerSecond:N0} movements/s answered ({AppliedPerSecond:N0}/s applied), {Requests / Elapsed.TotalSeconds:N0} requests/s over {Elapsed.TotalSeconds:N1} s; per request {Latency}");
        output.WriteLine($"[{Label}] statuses: {Statuses}; failed attempts: {AttemptTimeouts:N0} timeouts, {AttemptConnectionErrors:N0} connection errors, {Attempt5xx:N0} 5xx; {Retries:N0} retries, {DuplicatesAfterRetry:N0} retried movements answered 200 (applied by an earlier attempt)");
        var pacing = Open is { } open
            ? $"open loop: asked {open.TargetPerSecond:N0}/s, sent {open.SentPerSecond:N0}/s, {open.Skipped:N0} skipped, pacer late p99 {open.LateP99Millis:N1} ms (max {open.LateMaxMillis:N1}): rate {(open.Kept ? "kept" : "NOT kept")}; "
            : "";
        output.WriteLine($"[{Label}] {pacing}load generator CPU {CpuCoresUsed:N2} cores");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT label={Label} movements_per_s={MovementsPerSecond:F1} applied_per_s={AppliedPerSecond:F1} requests_per_s={Requests / Elapsed.TotalSeconds:F1} p50_ms={Latency.P50:F2} p90_ms={Latency.P90:F2} p99_ms={Latency.P99:F2} max_ms={Latency.Max:F2} s201={Statuses.Created} s200={Statuses.Ok} s409={Statuses.Conflict} s429={Statuses.RateLimited} s4xx={Statuses.OtherClientError} s5xx={Statuses.ServerError} unanswered={Statuses.Unanswered} timeouts={AttemptTimeouts} conn_errors={AttemptConnectionErrors} retries={Retries} dup200={DuplicatesAfterRetry} rate_kept={(Open is null ? "n/a" : Open.Kept ? "yes" : "no")} loadgen_cores={CpuCoresUsed:F2}"));
    }
}
