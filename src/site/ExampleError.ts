/** Error raised when an `<Example>` cannot be rendered; its message names page, file and region. */
export class ExampleError extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'ExampleError';
	}
}
