using System.Security.Cryptography;
using System.Text;
using Inventory.Contracts.EventStore;

namespace Inventory.EventStore;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same id.</summary>
public static class DeterministicGuid
{
    /// <summary>Namespace for event ids; fixed forever.</summary>
    public static readonly Guid EventNamespace = new("6f1d3c1e-8a57-4a43-9f3b-2c0c9e5b7a11");

    /// <summary>The id of the event that <paramref name="movementId"/> causes in <paramref name="streamId"/>.</summary>
    public static Guid ForEvent(string streamId, Guid movementId) => Create(EventNamespace, $"{streamId}|{movementId:N}");

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        ns.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for name-based v5 ids; not a security use.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
