using System.Diagnostics.Tracing;
using System.Globalization;

namespace Inventory.Benchmark;

/// <summary>
/// Where the process's blocking (gen0/gen1) collections spend their pause, from the runtime's own GC events
/// (informational level: a handful per collection): suspending the threads, marking (by root kind, per heap, with the
/// bytes each kind kept alive), the rest of the collection after marking (planning, relocating, compacting), and
/// restarting the threads. Background gen2 collections are left out: they do not stop the process for long.
/// </summary>
internal sealed class GcPhaseListener : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private const int GcStart = 1;
    private const int GcEnd = 2;
    private const int RestartEnd = 3;
    private const int SuspendEnd = 8;
    private const int SuspendBegin = 9;
    private const int MarkWithType = 202;

    // The runtime's GC_ROOT_KIND values of GCMarkWithType.
    private static readonly string[] RootKinds =
        ["stack", "finalizer queue", "handles", "older generations (cards)", "sized refs", "overflow", "dependent handles", "new finalizer queue", "steal", "bgc roots"];

    private readonly Lock _gate = new();
    private readonly List<Collection> _done = [];
    private Collection? _current;
    private DateTime _suspendBegan;
    private DateTime _suspendEnded;
    private bool _enabled = true;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    /// <summary>Starts keeping collections (those before are dropped). Create the listener well before: its first
    /// events have the JIT compile the runtime's event dispatch.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _done.Clear();
            _enabled = true;
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventSource.Name != RuntimeSource)
        {
            return;
        }

        lock (_gate)
        {
            if (!_enabled)
            {
                return;
            }

            switch (e.EventId)
            {
                case SuspendBegin:
                    _suspendBegan = e.TimeStamp;
                    break;
                case SuspendEnd:
                    _suspendEnded = e.TimeStamp;
                    break;
                case GcStart:
                    var depth = Field(e, "Depth");
                    var type = Field(e, "Type");
                    _current = type == 1 ? null : new Collection(depth, _suspendBegan, _suspendEnded, e.TimeStamp);
                    break;
                case MarkWithType when _current is { } c:
                    c.Mark(Field(e, "HeapNum"), Field(e, "Type"), Field(e, "Bytes"), e.TimeStamp);
                    break;
                case GcEnd when _current is { } c:
                    c.Ended = e.TimeStamp;
                    break;
                case RestartEnd when _current is { Ended: not null } c:
                    c.Restarted = e.TimeStamp;
                    _done.Add(c);
                    _current = null;
                    break;
            }
        }
    }

    /// <summary>The blocking collections since <see cref="Start"/>: their pauses and where they went.</summary>
    public IReadOnlyList<string> Describe(int longest = 5)
    {
        List<Collection> done;
        lock (_gate)
        {
            done = [.. _done];
            _enabled = false;
        }

        if (done.Count == 0)
        {
            return ["GC phases: no blocking collection recorded"];
        }

        var pauses = done.Select(c => c.Pause).Order().ToList();
        var lines = new List<string>
        {
            $"GC phases of {done.Count} blocking collections (gen0 {done.Count(c => c.Depth == 0)}, gen1 {done.Count(c => c.Depth == 1)}, gen2 {done.Count(c => c.Depth == 2)}; heaps: {done.Max(c => c.Heaps)}): "
                + $"pause p50 {pauses[pauses.Count / 2]:N1} ms, max {pauses[^1]:N1} ms, all {pauses.Sum():N0} ms; of all the pause: {Shares(done)}",
        };
        lines.AddRange(done.OrderByDescending(c => c.Pause).Take(longest).Select(c => $"  gen{c.Depth} {c.Pause,5:N1} ms: {c}"));
        return lines;
    }

    private static string Shares(List<Collection> done)
    {
        var total = done.Sum(c => c.Pause);
        var parts = new List<(string Name, double Millis, long Bytes)>
        {
            ("suspending", done.Sum(c => c.Suspending), 0),
            ("from suspended to the GC's start", done.Sum(c => c.BeforeStart), 0),
        };
        parts.AddRange(Enumerable.Range(0, RootKinds.Length)
            .Select(k => (RootKinds[k], done.Sum(c => c.MarkMillis(k)), done.Sum(c => c.MarkBytes(k))))
            .Where(p => p.Item2 > 0 || p.Item3 > 0));
        parts.Add(("after marking (plan, relocate, compact)", done.Sum(c => c.AfterMark), 0));
        parts.Add(("restarting", done.Sum(c => c.Restarting), 0));
        return string.Join(", ", parts.Select(p => $"{p.Name} {p.Millis / total:P0}{(p.Bytes > 0 ? $" ({p.Bytes / (double)done.Count / 1024:N0} KB kept per GC)" : "")}"));
    }

    private static long Field(EventWrittenEventArgs e, string name) =>
        e.PayloadNames?.IndexOf(name) is int i and >= 0 && e.Payload?[i] is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : -1;

    private sealed class Collection(long depth, DateTime suspendBegan, DateTime suspendEnded, DateTime started)
    {
        // Per heap: the time of its last mark event, and per root kind the time and bytes its marking took.
        private readonly Dictionary<long, DateTime> _lastMark = [];
        private readonly Dictionary<(long Heap, long Kind), (double Millis, long Bytes)> _marks = [];

        public long Depth { get; } = depth;

        public DateTime? Ended { get; set; }

        public DateTime Restarted { get; set; }

        public int Heaps => Math.Max(1, _lastMark.Count);

        public double Pause => Millis(SuspendBeganOrStart, Restarted);

        public double Suspending => suspendBegan <= started && suspendEnded >= suspendBegan ? Millis(suspendBegan, suspendEnded) : 0;

        public double BeforeStart => suspendEnded <= started && suspendEnded >= SuspendBeganOrStart ? Millis(suspendEnded, started) : 0;

        /// <summary>From the last heap's end of marking to the collection's end.</summary>
        public double AfterMark => Ended is { } end ? Millis(_lastMark.Count == 0 ? started : _lastMark.Values.Max(), end) : 0;

        public double Restarting => Ended is { } end ? Millis(end, Restarted) : 0;

        private DateTime SuspendBeganOrStart => suspendBegan <= started && started - suspendBegan < TimeSpan.FromSeconds(1) ? suspendBegan : started;

        /// <summary>The slowest heap's time for a root kind (heaps mark in parallel).</summary>
        public double MarkMillis(long kind) => _marks.Where(m => m.Key.Kind == kind).Select(m => m.Value.Millis).DefaultIfEmpty(0).Max();

        public long MarkBytes(long kind) => _marks.Where(m => m.Key.Kind == kind).Sum(m => m.Value.Bytes);

        public void Mark(long heap, long kind, long bytes, DateTime at)
        {
            var since = _lastMark.TryGetValue(heap, out var last) ? last : started;
            _lastMark[heap] = at;
            var sofar = _marks.TryGetValue((heap, kind), out var m) ? m : (0, 0);
            _marks[(heap, kind)] = (sofar.Millis + Millis(since, at), sofar.Bytes + bytes);
        }

        public override string ToString()
        {
            var marks = _marks.GroupBy(m => m.Key.Kind).OrderBy(g => g.Key)
                .Select(g => $"{RootKinds.ElementAtOrDefault((int)g.Key) ?? g.Key.ToString(CultureInfo.InvariantCulture)} {g.Max(m => m.Value.Millis):N1} ms/{g.Sum(m => m.Value.Bytes) / 1024:N0} KB");
            return $"suspending {Suspending:N1} ms, then {BeforeStart:N1} ms to the start; marking: {string.Join(", ", marks)}; after marking {AfterMark:N1} ms; restarting {Restarting:N1} ms";
        }

        private static double Millis(DateTime from, DateTime to) => (to - from).TotalMilliseconds;
    }
}
