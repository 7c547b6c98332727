namespace Inventory.Benchmark;

/// <summary>One movement of the crash run: its item, when it was due to be sent and when it was answered or failed
/// (<see cref="System.Diagnostics.Stopwatch"/> timestamps), and whether it was acknowledged.</summary>
internal readonly record struct MovementRecord(string Key, long Sent, long Finished, bool Acknowledged);
