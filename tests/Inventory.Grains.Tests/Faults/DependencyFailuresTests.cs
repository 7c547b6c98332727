using System.Net.Sockets;
using Inventory.Contracts.StockItems;
using Inventory.Faults;
using Inventory.StockItems;
using Foreign.Library;
using Npgsql;

namespace Inventory.Grains.Tests.Faults;

public sealed class DependencyFailuresTests
{
    private static readonly PostgresException ServerGone = new("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown);

    [Fact]
    public void GivenTheDriversException_WhenTranslated_ThenStorageUnavailableWithoutInnerException()
    {
        var answer = Assert.IsType<StorageUnavailableException>(DependencyFailures.Translate(ServerGone));

        Assert.Null(answer.InnerException);
        Assert.Contains("PostgresException 57P01", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheDriversExceptionWrappedByTheFramework_WhenTranslated_ThenStorageUnavailable()
    {
        var wrapped = new InvalidOperationException("storage write failed", new AggregateException(new IOException("x", ServerGone)));

        var answer = Assert.IsType<StorageUnavailableException>(DependencyFailures.Translate(wrapped));

        Assert.Null(answer.InnerException);
    }

    [Fact]
    public void GivenTheProjectsOwnExceptionWrappingTheDrivers_WhenTranslated_ThenItsMessageWithoutTheInnerException()
    {
        var answer = Assert.IsType<StorageUnavailableException>(
            DependencyFailures.Translate(new StorageUnavailableException("Could not load wh/sku.", ServerGone)));

        Assert.Equal("Could not load wh/sku.", answer.Message);
        Assert.Null(answer.InnerException);
    }

    [Theory]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(OperationCanceledException))]
    [InlineData(typeof(SocketException))]
    public void GivenAWaitForADependencyThatFailed_WhenTranslated_ThenStorageUnavailable(Type type)
    {
        Assert.IsType<StorageUnavailableException>(DependencyFailures.Translate((Exception)Activator.CreateInstance(type)!));
    }

    [Fact]
    public void GivenWhatCrossesAsItIs_WhenTranslated_ThenNothingToChange()
    {
        Assert.Null(DependencyFailures.Translate(new StorageUnavailableException("retry")));
        Assert.Null(DependencyFailures.Translate(new InvalidOperationException("a bug", new ArgumentException("bad"))));
        Assert.Null(DependencyFailures.Translate(new ArgumentException("not a stock item key")));
    }

    [Fact]
    public void GivenABugWithAnExceptionTypeTheCallerCannotDecode_WhenTranslated_ThenAFrameworkExceptionNamingIt()
    {
        var answer = Assert.IsType<InvalidOperationException>(DependencyFailures.Translate(new InvalidOperationException("x", new ForeignException())));

        Assert.Null(answer.InnerException);
        Assert.Contains(nameof(ForeignException), answer.Message, StringComparison.Ordinal);
    }
}
