// Reads one tensor out of a safetensors file (the format the model ships in): an 8-byte
// little-endian header length, a JSON header naming each tensor's dtype, shape and byte range,
// then the raw data. Only what the sentence model needs: int8 matrices, read in place.

/** The model file cannot be read: wrong file, truncated, or not the tensor expected. */
export class ModelFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFormatError';
  }
}

interface TensorEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

export interface Int8Matrix {
  rows: number;
  columns: number;
  /** Row-major values, a view on the file's bytes. */
  values: Int8Array;
}

/** The int8 matrix `name` of a safetensors file. */
export function readInt8Tensor(bytes: Uint8Array, name: string): Int8Matrix {
  if (bytes.length < 8) throw new ModelFormatError(`not a safetensors file: ${bytes.length} bytes is too short`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = Number(view.getBigUint64(0, true));
  if (headerLength <= 0 || 8 + headerLength > bytes.length) throw new ModelFormatError('not a safetensors file: its header runs past the end of the file');
  let header: Record<string, TensorEntry | unknown>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<string, unknown>;
  } catch {
    throw new ModelFormatError('not a safetensors file: its header is not JSON');
  }
  const entry = header[name] as TensorEntry | undefined;
  if (entry === undefined || !Array.isArray(entry.shape) || !Array.isArray(entry.data_offsets)) throw new ModelFormatError(`the model file has no tensor "${name}"`);
  if (entry.dtype !== 'I8' || entry.shape.length !== 2) throw new ModelFormatError(`tensor "${name}" is ${entry.dtype} ${JSON.stringify(entry.shape)}, not an int8 matrix`);
  const [rows, columns] = entry.shape as [number, number];
  const [start, end] = entry.data_offsets;
  const dataStart = 8 + headerLength;
  if (end - start !== rows * columns || dataStart + end > bytes.length) throw new ModelFormatError(`tensor "${name}" is truncated`);
  return { rows, columns, values: new Int8Array(bytes.buffer, bytes.byteOffset + dataStart + start, rows * columns) };
}
