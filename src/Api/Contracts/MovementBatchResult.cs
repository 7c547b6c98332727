using Microsoft.AspNetCore.Mvc;

namespace Inventory.Api.Contracts;

/// <summary>The outcome of one movement of a batch: the HTTP status it would have had alone, and either the
/// movement or the problem.</summary>
public sealed record MovementBatchResult(int Status, MovementResponse? Movement, ProblemDetails? Problem);
