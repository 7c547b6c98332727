using System.Collections;
using System.Reflection;

namespace Inventory.Integration.Tests.Deployment;

/// <summary>Whether an environment variable (<c>Inventory__Api__Keys__0__Name</c>) names a setting an options class really
/// has: its segments after the section's are walked as properties (any case), a number as a list index.</summary>
public static class SettingPaths
{
    public static bool Exists(Type options, IEnumerable<string> segments)
    {
        var type = options;
        foreach (var segment in segments)
        {
            if (int.TryParse(segment, out _) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
            {
                type = type.GetGenericArguments()[0];
                continue;
            }

            var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return false;
            }

            type = property.PropertyType;
        }

        return true;
    }
}
