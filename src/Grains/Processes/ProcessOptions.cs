namespace Inventory.Processes;

/// <summary>Tuning of the process managers (transfers, orders); section <c>Inventory:Processes</c>.</summary>
public sealed class ProcessOptions
{
    public const string Section = "Inventory:Processes";

    /// <summary>How long one step (an item's answer, or an append to the process's own log) may take before the process
    /// stops where it is, answers storage-unavailable, and leaves the rest to its reminder.</summary>
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an unfinished process is woken to resume (its reminder's period; Orleans' minimum is one
    /// minute unless ReminderOptions lower it).</summary>
    public TimeSpan ResumeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a request is decided again after losing a race for the process's next version.</summary>
    public int MaxConflictRetries { get; set; } = 5;

    /// <summary>A transfer with units in transit longer than this after its dispatch is overdue: the views mark it and
    /// the silo's metric <c>inventory.transfers.overdue</c> counts it.</summary>
    public TimeSpan TransferOverdueAfter { get; set; } = TimeSpan.FromDays(2);

    public bool IsValid => StepTimeout > TimeSpan.Zero && ResumeInterval > TimeSpan.Zero && MaxConflictRetries >= 0 && TransferOverdueAfter > TimeSpan.Zero;
}
