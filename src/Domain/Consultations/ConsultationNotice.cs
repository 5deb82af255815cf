namespace PiriSite.Domain.Consultations;

/// <summary>The notice in one language, as a person reads it before sending a request.</summary>
public sealed record NoticeText(string Version, string Culture, string Text, string CheckboxLabel);

/// <summary>
/// The notice a person must acknowledge before sending a request (the prospective-client notice of Texas Rule
/// 1.18), in each language of the site. Each request stores the version, language and exact text it accepted, so
/// a later change of wording never rewrites what someone agreed to.
/// </summary>
public static class ConsultationNotice
{
    public const string Version = "2026-11-28";

    public const string Text =
        "Sending this form does not create an attorney-client relationship with The Piri Law Firm, and the firm " +
        "does not represent you until it agrees to in a signed written agreement. Please do not send documents or " +
        "confidential details yet: describe your situation briefly, and the attorney will discuss it with you " +
        "during the free consultation. What you send is seen only by the firm's attorney and staff.";

    public const string CheckboxLabel = "I have read this notice and understand that sending this form does not make me a client of the firm.";

    private static readonly NoticeText[] s_texts =
    [
        new(Version, "en", Text, CheckboxLabel),
        new(Version, "es",
            "Enviar este formulario no crea una relación abogado-cliente con The Piri Law Firm, y el despacho no lo representa hasta que acepte hacerlo en un acuerdo por escrito firmado. Por favor, no envíe todavía documentos ni datos confidenciales: describa su situación brevemente, y el abogado la analizará con usted durante la consulta gratuita. Lo que usted envíe solo lo ven el abogado y el personal del despacho.",
            "He leído este aviso y entiendo que enviar este formulario no me convierte en cliente del despacho."),
        new(Version, "fr",
            "L’envoi de ce formulaire ne crée pas de relation avocat-client avec The Piri Law Firm, et le cabinet ne vous représente pas tant qu’il n’a pas accepté de le faire par une convention écrite signée. Veuillez ne pas encore envoyer de documents ni de détails confidentiels : décrivez brièvement votre situation, et l’avocat en discutera avec vous lors de la consultation gratuite. Ce que vous envoyez n’est vu que par l’avocat et le personnel du cabinet.",
            "J’ai lu cet avis et je comprends que l’envoi de ce formulaire ne fait pas de moi un client ou une cliente du cabinet."),
    ];

    public static IReadOnlyList<NoticeText> All => s_texts;

    /// <summary>The notice in a page's language (English for a language the site does not have).</summary>
    public static NoticeText For(string? culture) => s_texts.FirstOrDefault(t => t.Culture == culture) ?? s_texts[0];
}
