namespace MicrobiomePain.Web.Site;

/// <summary>
/// A write-only stream in front of a response body: each write is shown to <see cref="Passes"/> first and goes on to the
/// inner stream only when it returns true. What <see cref="StoredAnswers"/> (keeps a copy) and <see cref="NotModifiedBody"/>
/// (drops the body of a 304) have in common.
/// </summary>
internal abstract class WriteThroughStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Sees the bytes of one write before the inner stream does; false drops them.</summary>
    protected abstract bool Passes(ReadOnlySpan<byte> bytes);

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (Passes(buffer.AsSpan(offset, count)))
        {
            inner.Write(buffer, offset, count);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Passes(buffer.Span) ? inner.WriteAsync(buffer, cancellationToken) : ValueTask.CompletedTask;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
