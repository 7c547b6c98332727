namespace Inventory.Contracts.Projections;

public enum RedriveOutcome
{
    Redriven,
    StillFailing,
    NotFound,
    AlreadyRedriven,
}
