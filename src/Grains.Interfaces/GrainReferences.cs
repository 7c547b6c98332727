using System.Runtime.CompilerServices;

namespace Inventory.Contracts;

/// <summary>
/// Grain references for hot paths. Orleans' <c>GetGrain&lt;T&gt;</c> works out the interface's
/// <see cref="GrainInterfaceType"/> on every call (custom attributes read by reflection, then the type's name formatted),
/// a visible share of a loaded silo's allocations. The interface type depends on the interface alone, so it is looked up
/// once per interface here, and references are made from it.
/// </summary>
public static class GrainReferences
{
    /// <summary>The reference to the grain <paramref name="id"/> through <typeparamref name="TGrainInterface"/>, as
    /// <c>grains.GetGrain&lt;TGrainInterface&gt;(id)</c> would make it.</summary>
    public static TGrainInterface Get<TGrainInterface>(IGrainFactory grains, GrainId id)
        where TGrainInterface : IAddressable
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (InterfaceOf<TGrainInterface>.Known is { } interfaceType && grains.GetGrain(id, interfaceType.Value) is TGrainInterface known)
        {
            return known;
        }

        // First call, or a factory that is not Orleans' own (a test double): the ordinary lookup.
        var reference = grains.GetGrain<TGrainInterface>(id);
        if (reference is GrainReference grainReference)
        {
            InterfaceOf<TGrainInterface>.Known = new StrongBox<GrainInterfaceType>(grainReference.InterfaceType);
        }

        return reference;
    }

    private static class InterfaceOf<TGrainInterface>
    {
        // Boxed, so that it is published whole (the struct itself could be read half-written); set with the same value
        // by whichever calls come first, so a race only repeats the lookup.
        public static StrongBox<GrainInterfaceType>? Known;
    }
}
