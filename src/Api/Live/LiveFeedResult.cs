using System.Globalization;
using System.Text;
using System.Text.Json;
using Inventory.Api.Endpoints;
using Inventory.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Inventory.Api.Live;

/// <summary>
/// Writes one live connection as server-sent events until the client goes away or the API stops:
/// <c>retry:</c> and a comment at once (the headers go out), <c>event: ready</c> once the feed follows the views (read the
/// views after it: nothing applied later is missed), then <c>event: movement</c> with <c>id:</c> = the event's global
/// position and the movement as JSON, <c>event: resync</c> when movements may have been skipped, and a comment line
/// (<c>: heartbeat</c>) after <see cref="LiveOptions.HeartbeatInterval"/> without anything else.
/// </summary>
public sealed class LiveFeedResult(LiveSubscription subscription, IDisposable lease) : IResult
{
    public const string ContentType = "text/event-stream";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        using var _ = lease;
        using var __ = subscription;
        var services = httpContext.RequestServices;
        var heartbeat = services.GetRequiredService<IOptions<InventoryApiOptions>>().Value.Live.HeartbeatInterval;
        var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, stopping);
        var cancellation = ended.Token;

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            await WriteAsync(response, "retry: 3000\n: connected\n\n", cancellation);
            while (!subscription.Ready.IsCompleted)
            {
                try
                {
                    await subscription.Ready.WaitAsync(heartbeat, time, cancellation);
                }
                catch (TimeoutException)
                {
                    await WriteAsync(response, ": heartbeat\n\n", cancellation);
                }
            }

            await WriteAsync(response, "event: ready\ndata: {}\n\n", cancellation);
            while (true)
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                {
                    wait.CancelAfter(heartbeat);
                    try
                    {
                        if (!await subscription.Events.WaitToReadAsync(wait.Token))
                        {
                            return;
                        }
                    }
                    catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                    {
                        await WriteAsync(response, ": heartbeat\n\n", cancellation);
                        continue;
                    }
                }

                var text = new StringBuilder();
                if (subscription.TakeOverflow())
                {
                    text.Append("event: resync\ndata: {}\n\n");
                }

                while (subscription.Events.TryRead(out var item))
                {
                    Append(text, item);
                }

                await WriteAsync(response, text.ToString(), cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or the API is stopping: the response just ends.
        }
        catch (IOException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
        }
    }

    private static void Append(StringBuilder text, LiveEvent item)
    {
        if (item.Kind == LiveEventKind.Resync || item.Movement is null)
        {
            text.Append("event: resync\ndata: {}\n\n");
            return;
        }

        var movement = item.Movement;
        text.Append("event: movement\nid: ").Append(movement.Position.ToString(CultureInfo.InvariantCulture)).Append("\ndata: ")
            .Append(JsonSerializer.Serialize(ViewMapping.ToResponse(movement), JsonSerializerOptions.Web)).Append("\n\n");
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
