namespace Linchpin.Data;

/// <summary>
/// A write-only stream over another that stops with <see cref="OperationCanceledException"/> at
/// the first write after <see cref="CancellationToken"/> is cancelled, so a long file write ends
/// within one buffer of an interrupt (and <see cref="AtomicFile"/> removes the temporary file).
/// </summary>
internal sealed class CancellableStream(Stream inner, CancellationToken cancellation) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        cancellation.ThrowIfCancellationRequested();
        inner.WriteByte(value);
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
