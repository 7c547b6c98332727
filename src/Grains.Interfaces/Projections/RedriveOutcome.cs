namespace Inventory.Projections;

public enum RedriveOutcome
{
    Redriven,
    StillFailing,
    NotFound,
    AlreadyRedriven,
}
