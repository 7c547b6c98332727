namespace Inventory.Api.Problems;

/// <summary>The stable <c>code</c> member of the API's own problem responses (rejections use
/// <see cref="Inventory.Contracts.StockItems.RejectionCodes"/>). A public contract: never rename one.</summary>
public static class ProblemCodes
{
    public const string InvalidJson = "invalid-json";
    public const string InvalidInput = "invalid-input";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string PayloadTooLarge = "payload-too-large";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string ForbiddenWarehouse = "forbidden-warehouse";
    public const string NotFound = "not-found";
    public const string MethodNotAllowed = "method-not-allowed";
    public const string ItemNotFound = "item-not-found";
    public const string RateLimited = "rate-limited";
    public const string StorageUnavailable = "storage-unavailable";
    public const string ClusterUnavailable = "cluster-unavailable";
    public const string NotReady = "not-ready";
    public const string InternalError = "internal-error";
    public const string BadRequest = "bad-request";
    public const string ProjectionNotFound = "projection-not-found";
    public const string DeadLetterNotFound = "dead-letter-not-found";
    public const string DeadLetterStillFailing = "dead-letter-still-failing";
    public const string DeadLetterAlreadyRedriven = "dead-letter-already-redriven";
    public const string TooManyLiveConnections = "too-many-live-connections";
    public const string SchemaNotFound = "schema-not-found";

    /// <summary>The code of a problem that was produced without one (status code pages, framework errors).</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => ClusterUnavailable,
        _ when status >= 500 => InternalError,
        _ => $"http-{status}",
    };
}
