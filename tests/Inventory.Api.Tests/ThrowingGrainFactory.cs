using System.Reflection;

namespace Inventory.Api.Tests;

/// <summary>A grain factory whose grains fail every call with <see cref="Error"/>: a cluster that cannot be reached.</summary>
public class ThrowingGrainFactory : DispatchProxy
{
    public Func<Exception> Error { get; set; } = () => new InvalidOperationException("unset");

    public static IGrainFactory Create(Func<Exception> error)
    {
        var factory = DispatchProxy.Create<IGrainFactory, ThrowingGrainFactory>();
        ((ThrowingGrainFactory)(object)factory).Error = error;
        return factory;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var type = targetMethod.ReturnType;
        if (type.IsInterface && typeof(IAddressable).IsAssignableFrom(type))
        {
            var grain = DispatchProxy.Create(type, typeof(ThrowingGrainFactory));
            ((ThrowingGrainFactory)grain).Error = Error;
            return grain;
        }

        if (type == typeof(Task))
        {
            return Task.FromException(Error());
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var fromException = typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod);
            return fromException.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [Error()]);
        }

        throw Error();
    }
}
