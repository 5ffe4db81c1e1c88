package monosearch.index;

import java.io.IOException;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.compressing.Compressor;
import org.apache.lucene.codecs.compressing.Decompressor;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.store.ByteBuffersDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's codec with the stored fields kept as they are, not LZ4-compressed. Every search reads the stored
 * text of each hit on its page for the snippet, and decompressing it was a tenth of a search's CPU; the text of
 * this corpus is small (tens of MB), so the index grows by about that and reading a hit becomes a copy.
 * Registered under {@link #NAME} (META-INF/services) so that an index written with it opens again.
 */
public final class IndexCodec extends FilterCodec {
    public static final String NAME = "Monosearch912";
    /** As Lucene's fast mode chunks its stored fields: blocks of about 80 KB or 1,024 documents. */
    private static final int CHUNK_BYTES = 80 * 1024;
    private static final int CHUNK_DOCS = 1024;
    private static final int BLOCK_SHIFT = 10;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "MonosearchStoredFields", new Uncompressed(), CHUNK_BYTES, CHUNK_DOCS, BLOCK_SHIFT);

    public IndexCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }

    /** Bytes written as they come; a read copies just the document asked for. */
    private static final class Uncompressed extends CompressionMode {
        @Override
        public Compressor newCompressor() {
            return new Compressor() {
                @Override
                public void compress(ByteBuffersDataInput in, DataOutput out) throws IOException {
                    out.copyBytes(in, in.length());
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public Decompressor newDecompressor() {
            return new Decompressor() {
                @Override
                public void decompress(DataInput in, int originalLength, int offset, int length, BytesRef bytes)
                        throws IOException {
                    bytes.bytes = ArrayUtil.growNoCopy(bytes.bytes, length);
                    in.skipBytes(offset);
                    in.readBytes(bytes.bytes, 0, length);
                    bytes.offset = 0;
                    bytes.length = length;
                }

                @Override
                public Decompressor clone() {
                    return this;
                }
            };
        }

        @Override
        public String toString() {
            return "uncompressed";
        }
    }
}
