import { describe, expect, it } from "vitest";
import { FileField } from "./components.js";

const render = async (node: unknown) => String(await (node as Promise<unknown> | string));

describe("the forms' file field", () => {
  it("ties the input to its label and hint, and never asks the browser to require a file", async () => {
    const html = await render(
      <FileField name="file" label="PDF file" hint="At most 50 MB." accept="application/pdf,.pdf" optional />,
    );
    expect(html).toContain('<label for="f-file">PDF file<span class="optional"> (optional)</span></label>');
    expect(html).toContain('<p class="hint" id="f-file-hint">At most 50 MB.</p>');
    expect(html).toContain(
      '<input id="f-file" name="file" type="file" accept="application/pdf,.pdf" aria-describedby="f-file-hint"/>',
    );
    expect(html).not.toContain("required");
    expect(html).not.toContain("multiple");
  });

  it("shows its error, marks the input invalid and describes it by hint and error", async () => {
    const html = await render(
      <FileField name="file" label="Presentation" hint="PDF." errors={{ file: "Choose a file." }} />,
    );
    expect(html).toContain('<div class="field has-error">');
    expect(html).toContain('<label for="f-file">Presentation</label>');
    expect(html).toContain('<p class="field-error" id="f-file-error">Choose a file.</p>');
    expect(html).toContain('aria-invalid="true" aria-describedby="f-file-hint f-file-error"');
  });

  it("files its id and errors under another name than the input's when asked, and takes several files", async () => {
    const html = await render(
      <FileField name="upload" field="logo" label="Image" multiple errors={{ logo: "Too large." }} />,
    );
    expect(html).toContain('<input id="f-logo" name="upload" type="file" multiple=""');
    expect(html).toContain('<p class="field-error" id="f-logo-error">Too large.</p>');
    expect(html).not.toContain("f-upload");
  });
});
