namespace Inventory.Api.Tests.Fuzz;

/// <summary>What the one mutation of an otherwise valid request changes.</summary>
internal enum FuzzTargetKind
{
    None,
    Key,
    Noise,
    Parameter,
    Member,
    Text,
    ContentType,
    NoBody,
    Oversize,
}
