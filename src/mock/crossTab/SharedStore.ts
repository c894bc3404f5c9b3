/**
 * Where the tabs keep their shared state: one text, read and written whole. Whatever a tab wrote
 * before it released the mock's lock must be what the next holder reads.
 */
export interface SharedStore {
	read(): Promise<string | null>;
	write(text: string): Promise<void>;
	remove(): Promise<void>;
}
