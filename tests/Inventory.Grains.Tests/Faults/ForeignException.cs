namespace Foreign.Library;

/// <summary>An exception from a namespace no caller has a codec for.</summary>
public sealed class ForeignException : Exception
{
    public ForeignException()
        : base("foreign")
    {
    }

    public ForeignException(string message)
        : base(message)
    {
    }

    public ForeignException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
