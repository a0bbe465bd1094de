/** Where the CLI reads and writes: the process's own streams in the bin, buffers in tests. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The zone `sla deadline` shows as "local"; the system's zone when absent. */
  localZone?: string;
}
