/**
 * Exports for people who take a run elsewhere: metrics as CSV ({@link org.trainlab.export.CsvExport}),
 * and "copy as code": the PyTorch script that trains the same settings in the tutorial's own style
 * ({@link org.trainlab.export.PyTorchExport}) and the equivalent DL4J configuration
 * ({@link org.trainlab.export.Dl4jExport}). Code is produced as text only: nothing here imports DL4J,
 * ND4J or a UI toolkit. Charts as PNG and SVG are exported by the window.
 */
package org.trainlab.export;
