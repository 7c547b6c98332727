using Inventory.Contracts.StockItems;

namespace Inventory.Processes;

/// <summary>What a process manager does next: a command to one stock item, whose answer becomes the process's next
/// event, or an event to record without asking anyone (its completion).</summary>
/// <typeparam name="TEvent">The base type of the process's events.</typeparam>
public abstract record ProcessStep<TEvent>
    where TEvent : class;

/// <summary>Send <see cref="Command"/> to the item <see cref="Item"/>; <see cref="Outcome"/> turns its answer into the
/// event that records it at the given time (and throws when the process has no answer to a refusal that cannot happen).</summary>
public sealed record ItemStep<TEvent>(StockItemKey Item, StockCommand Command, Func<MovementResult, DateTimeOffset, TEvent> Outcome) : ProcessStep<TEvent>
    where TEvent : class
{
    public bool Equals(ItemStep<TEvent>? other) => other is not null && Item == other.Item && Command == other.Command;

    public override int GetHashCode() => HashCode.Combine(Item, Command);
}

/// <summary>Record <see cref="Event"/>: no item is involved.</summary>
public sealed record RecordStep<TEvent>(TEvent Event) : ProcessStep<TEvent>
    where TEvent : class;
