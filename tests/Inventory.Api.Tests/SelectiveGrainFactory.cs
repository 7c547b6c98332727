using System.Reflection;

namespace Inventory.Api.Tests;

/// <summary>A grain factory that hands out the real grains of <see cref="Inner"/>, except grains of <see cref="Failing"/>
/// types, which fail every call with <see cref="Error"/>: one part of the cluster unreachable or broken.</summary>
public class SelectiveGrainFactory : DispatchProxy
{
    public IGrainFactory Inner { get; set; } = null!;

    public IReadOnlySet<Type> Failing { get; set; } = new HashSet<Type>();

    public Func<Exception> Error { get; set; } = () => new InvalidOperationException("unset");

    public static IGrainFactory Create(IGrainFactory inner, Func<Exception> error, params Type[] failing)
    {
        var factory = DispatchProxy.Create<IGrainFactory, SelectiveGrainFactory>();
        var selective = (SelectiveGrainFactory)(object)factory;
        selective.Inner = inner;
        selective.Error = error;
        selective.Failing = failing.ToHashSet();
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Failing.Contains(targetMethod.ReturnType))
        {
            var grain = DispatchProxy.Create(targetMethod.ReturnType, typeof(ThrowingGrainFactory));
            ((ThrowingGrainFactory)grain).Error = Error;
            return grain;
        }

        try
        {
            return targetMethod.Invoke(Inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
