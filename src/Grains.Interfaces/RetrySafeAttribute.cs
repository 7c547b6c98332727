namespace Inventory.Contracts;

/// <summary>
/// A grain interface, or one method of one, whose calls a client may send again when the cluster could not deliver
/// them (a silo shutting down or gone): a repeated call has the effect of one. Movements are (the movement id), reads
/// are; commands such as a rebuild are not and carry no mark.
/// </summary>
[AttributeUsage(AttributeTargets.Interface | AttributeTargets.Method, Inherited = false)]
public sealed class RetrySafeAttribute : Attribute;
