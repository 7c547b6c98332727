namespace Inventory.Api.Contracts;

/// <summary>The values of <see cref="MovementRequest.Type"/>.</summary>
public static class MovementTypes
{
    public const string Receive = "receive";
    public const string Pick = "pick";
    public const string Reserve = "reserve";
    public const string Release = "release";
    public const string Adjust = "adjust";
    public const string Count = "count";

    public static readonly IReadOnlyList<string> All = [Receive, Pick, Reserve, Release, Adjust, Count];
}
