import { describe, expect, it } from "vitest";
import { detectDocumentLanguage } from "@/lib/documents/language";

describe("detectDocumentLanguage", () => {
  it("recognizes the common UN languages of a document", () => {
    expect(
      detectDocumentLanguage(
        "The State should ratify the Convention and ensure that the rights of the child are protected in law and in practice, with the support of the international community.",
      ),
    ).toBe("en");
    expect(
      detectDocumentLanguage(
        "L’État devrait ratifier la Convention et garantir les droits des enfants dans la loi et dans la pratique, avec le soutien des partenaires et des organisations pour les victimes du conflit.",
      ),
    ).toBe("fr");
    expect(
      detectDocumentLanguage(
        "El Estado debería ratificar la Convención y garantizar los derechos de los niños y las niñas en la ley y en la práctica, con el apoyo de la comunidad internacional para las víctimas del conflicto.",
      ),
    ).toBe("es");
    expect(
      detectDocumentLanguage("Государству следует ратифицировать Конвенцию и обеспечить права детей."),
    ).toBe("ru");
    expect(
      detectDocumentLanguage("ينبغي للدولة أن تصدق على الاتفاقية وأن تضمن حقوق الأطفال في القانون والممارسة"),
    ).toBe("ar");
  });

  it("does not guess from too little text", () => {
    expect(detectDocumentLanguage("Ratify it.")).toBeNull();
    expect(detectDocumentLanguage("")).toBeNull();
  });
});
