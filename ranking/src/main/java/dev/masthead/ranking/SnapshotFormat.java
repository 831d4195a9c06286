package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import dev.masthead.core.InvalidDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The snapshot format of {@link InMemoryCounterStore}, version 2. Big-endian, as {@link DataOutputStream}:
 *
 * <pre>
 * magic       16 bytes  "MASTHEAD-RANKING"
 * version     int       2
 * now         long      the engine's time, epoch milliseconds
 * kinds       int n, then n × UTF name
 * tiers       int n, then n × (long resolution ms, long horizon ms)
 * cells       repeated: byte 1, byte tier, long bucket index, UTF article id, kinds × long count,
 *             long last event ms; then byte 0
 * checksum    long      CRC32C of every byte above
 * </pre>
 *
 * <p>Reading checks the length, the magic, the version and the checksum before it parses anything, then
 * parses everything before the caller applies anything, so that a refused snapshot is refused whole.
 */
final class SnapshotFormat {
  static final byte[] MAGIC = "MASTHEAD-RANKING".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 2;
  private static final int HEADER = MAGIC.length + 4;
  private static final int TRAILER = 8;

  private SnapshotFormat() {}

  /** One parsed cell. */
  record Cell(int tier, long bucketIndex, ArticleId articleId, long[] counts, long lastEventMillis) {}

  /** A parsed snapshot. */
  record Parsed(long nowMillis, List<Cell> cells) {}

  static byte[] write(StoreLayout layout, InMemoryCounterStore store, long now) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(now);
    out.writeInt(layout.kinds().size());
    for (EngagementKind k : layout.kinds()) {
      out.writeUTF(k.name());
    }
    out.writeInt(layout.tiers().size());
    for (BucketTier t : layout.tiers()) {
      out.writeLong(t.resolution().toMillis());
      out.writeLong(t.horizon().toMillis());
    }
    IOException[] failure = {null};
    store.forEachCell((tier, bucketIndex, articleId, counts, last) -> {
      try {
        out.writeByte(1);
        out.writeByte(tier);
        out.writeLong(bucketIndex);
        out.writeUTF(articleId.value());
        for (long c : counts) {
          out.writeLong(c);
        }
        out.writeLong(last);
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    out.writeByte(0);
    out.flush();
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  static Parsed read(byte[] data, StoreLayout layout) {
    if (data.length < HEADER + TRAILER) {
      throw new InvalidDataException("ranking snapshot refused: truncated, only " + data.length
          + " bytes (a snapshot has at least " + (HEADER + TRAILER) + ")");
    }
    if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new InvalidDataException("ranking snapshot refused: not a Masthead ranking snapshot (bad magic)");
    }
    int version = ByteBuffer.wrap(data, MAGIC.length, 4).getInt();
    if (version != VERSION) {
      throw new InvalidDataException("ranking snapshot refused: version " + version
          + " is not supported; this engine reads version " + VERSION);
    }
    int bodyLength = data.length - TRAILER;
    long stored = ByteBuffer.wrap(data, bodyLength, TRAILER).getLong();
    CRC32C crc = new CRC32C();
    crc.update(data, 0, bodyLength);
    if (crc.getValue() != stored) {
      throw new InvalidDataException("ranking snapshot refused: checksum mismatch (stored "
          + Long.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue())
          + "); it is truncated or corrupted; nothing was loaded");
    }
    try {
      return parse(new DataInputStream(new ByteArrayInputStream(data, HEADER, bodyLength - HEADER)), layout);
    } catch (EOFException e) {
      throw new InvalidDataException("ranking snapshot refused: truncated body; nothing was loaded", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidDataException("ranking snapshot refused: malformed (" + e.getMessage()
          + "); nothing was loaded", e);
    }
  }

  private static Parsed parse(DataInputStream in, StoreLayout layout) throws IOException {
    long now = in.readLong();
    int kindCount = in.readInt();
    if (kindCount < 1 || kindCount > 1024) {
      throw new InvalidDataException("ranking snapshot refused: " + kindCount + " kinds");
    }
    int[] kindMap = new int[kindCount];
    for (int i = 0; i < kindCount; i++) {
      EngagementKind k = EngagementKind.of(in.readUTF());
      kindMap[i] = layout.kinds().indexOf(k);
      if (kindMap[i] < 0) {
        throw new InvalidDataException("ranking snapshot refused: it counts kind " + k
            + ", which this engine does not count (engine kinds " + layout.kinds() + ")");
      }
    }
    int tierCount = in.readInt();
    List<String> tiers = new ArrayList<>();
    for (int i = 0; i < Math.min(tierCount, 64); i++) {
      tiers.add(in.readLong() + "ms/" + in.readLong() + "ms");
    }
    List<String> expected = layout.tiers().stream()
        .map(t -> t.resolution().toMillis() + "ms/" + t.horizon().toMillis() + "ms").toList();
    if (tierCount != layout.tiers().size() || !tiers.equals(expected)) {
      throw new InvalidDataException("ranking snapshot refused: written with bucket tiers " + tiers
          + " (resolution/horizon), but this engine has " + expected);
    }
    List<Cell> cells = new ArrayList<>();
    int engineKinds = layout.kinds().size();
    while (true) {
      byte marker = in.readByte();
      if (marker == 0) {
        break;
      }
      if (marker != 1) {
        throw new InvalidDataException("ranking snapshot refused: bad cell marker " + marker);
      }
      int tier = in.readUnsignedByte();
      if (tier >= tierCount) {
        throw new InvalidDataException("ranking snapshot refused: cell of tier " + tier);
      }
      long bucket = in.readLong();
      ArticleId id = ArticleId.of(in.readUTF());
      long[] counts = new long[engineKinds];
      for (int k = 0; k < kindCount; k++) {
        long c = in.readLong();
        if (c < 0) {
          throw new InvalidDataException("ranking snapshot refused: negative count for " + id);
        }
        counts[kindMap[k]] = c;
      }
      long last = in.readLong();
      long res = layout.tiers().get(tier).resolution().toMillis();
      if (Math.abs(bucket) > Long.MAX_VALUE / 4 / res || last < bucket * res || last >= (bucket + 1) * res) {
        throw new InvalidDataException("ranking snapshot refused: cell of " + id + " has its last event outside "
            + "its bucket");
      }
      cells.add(new Cell(tier, bucket, id, counts, last));
    }
    if (in.available() > 0) {
      throw new InvalidDataException("ranking snapshot refused: " + in.available() + " bytes after the end");
    }
    return new Parsed(now, cells);
  }
}
