using PiriSite.Domain.Consultations;

namespace PiriSite.Domain.Tests.Consultations;

/// <summary>
/// The content signals: what real people write about their cases (in English, Spanish and French) passes, with
/// its government links, e-mail addresses and missing spaces; the pitches of advertisers are caught, each for its reason.
/// </summary>
public class SpamSignalsTests
{
    public static TheoryData<string> GenuineDescriptions => new()
    {
        // English
        "My brother was detained by ICE this morning after a traffic stop in Irving. He has been here 12 years.",
        "I have a court date on May 4 at the Dallas immigration court (1100 Commerce St.) and no lawyer yet.",
        "I checked my case on uscis.gov and it says Request for Evidence. My receipt number is IOE0912345678.",
        "The detainee locator at https://locator.ice.gov/odls/ shows my husband at Prairieland Detention Center.",
        "My hearing is listed on the EOIR portal (acis.eoir.justice.gov/en/) for 10:30 a.m. Please help.",
        "I read on www.uscis.gov/i-130 that my citizen son can petition for me. Is that right?",
        "Please email me at maria.hernandez@gmail.com or call after 5 p.m. Thank you.",
        "My email is juan.perez at gmail.com, I don't check it every day.",
        "My husband Min-jun Seo was arrested at work. He has a green card from 2015.",
        "I work at the WinStar casino and my H-1B extension was denied. What are my options?",
        "We are a small marketing agency and want to sponsor an H-1B for our designer. How long does it take?",
        "I lost savings to a crypto scam and the police gave me a U visa certification form. Can you help?",
        "My asylum interview is next week.I am scared because I don't have all documents.My family is in Honduras.",
        "Human trafficking victim, I want to know about the T visa. I was forced to work without pay.",
        "My mother's I-485 was filed in 2021 (receipt IOE0912345678) and we have no answer. Tried e.g. e-Request.",
        "I attached nothing but I have the NTA, the I-589 and my passport.pdf ready to send by email.",
        "Mi hijo está en el centro de detención de Prairieland. El número A es 123-456-789.",
        "Hi, I found you through Google and I saw your website says you speak Spanish. I need help with DACA.",
        "Vietnamese: Chồng tôi bị ICE bắt giữ sáng nay ở Garland, xin hãy gọi cho tôi càng sớm càng tốt.",

        // Spanish
        "Mi esposo fue detenido por ICE esta mañana en Dallas. Tiene 15 años aquí y dos hijos ciudadanos.",
        "Tengo cita en la corte de inmigración el 12 de junio y no tengo abogado. ¿Pueden ayudarme?",
        "Revisé mi caso en uscis.gov y dice que necesitan más evidencia. No entiendo qué debo mandar.",
        "Mi hermano fue detenido.es urgente, por favor llámenme. Está en el condado de Tarrant.",
        "El consulado (sre.gob.mx) me dio cita para el pasaporte pero necesito saber si puedo viajar con el permiso.",
        "Vi en la página de justice.gov/eoir que mi audiencia fue cambiada. ¿Qué hago?",
        "Quiero más información sobre la visa U, fui víctima de un asalto y la policía hizo un reporte.",
        "Mi correo es rosa_lopez@hotmail.com, prefiero que me escriban por WhatsApp al mismo número.",
        "Mi papá trabaja en un casino en Oklahoma y lo arrestaron en la carretera. No sabemos dónde está.",
        "Soy víctima de tráfico de personas y necesito ayuda con mi estatus migratorio.",
        "Necesito renovar mi permiso de trabajo y mi TPS vence el próximo mes.",
        "Vi su anuncio en Facebook.com y en YouTube.com. Mi hija tiene DACA y quiere casarse con un ciudadano.",

        // French
        "Mon mari a été arrêté par ICE ce matin à Houston. Il a un rendez-vous au tribunal le 3 juillet.",
        "J'ai vu sur uscis.gov que ma demande d'asile est en attente depuis deux ans. Que puis-je faire?",
        "Je suis haïtien avec le TPS et mon permis de travail expire bientôt. J'ai besoin d'aide.",
        "Mon frère est détenu.Il ne parle pas anglais et il a peur. Pouvez-vous l'appeler en français?",
        "Mon dossier est au consulat (diplomatie.gouv.fr) et je veux savoir si je peux demander la résidence.",
        "Écrivez-moi à jean.baptiste@yahoo.fr, merci beaucoup.",

        // Haitian Creole
        "Frè m nan te arete pa ICE maten an, li pa gen papye. Tanpri rele m nan nimewo a.",
    };

    [Theory]
    [MemberData(nameof(GenuineDescriptions))]
    public void WhatPeopleWriteAboutTheirCasesPasses(string description) =>
        Assert.Equal(SpamVerdict.NotSpam, SpamSignals.Judge("María José Hernández", description));

    [Theory]
    [InlineData("Hello, we can put your law firm on top. Visit https://rankfast-seo.com/offer today.")]
    [InlineData("Get 500 high quality links: http://cheap-links.net")]
    [InlineData("Check www.example-marketing.com for our prices.")]
    [InlineData("We help lawyers get clients. See example.com for details.")]
    [InlineData("Grow now: bit.ly/3xYzAbc")]
    [InlineData("Best prices at site.ru")]
    [InlineData("Nuestro sitio: miagencia.com.mx")]
    [InlineData("Visitez notre site agence-web.fr pour un devis gratuit.")]
    [InlineData("Precios especiales en ofertas.es/abogados este mes.")]
    [InlineData("Reply here:https://evil.example/claim")]
    [InlineData("More at (HTTPS://WWW.SPAMMY.IO/promo).")]
    [InlineData("A fake agency page: https://uscis.gov.claims-help.com/form")]
    [InlineData("Our partners: www.partners.example")]
    [InlineData("Join our group: facebook.com/groups/cheap-visas")]
    public void AWebLinkIsCaught(string description) =>
        Assert.Equal(SpamVerdict.ContainsLink, SpamSignals.Judge("John Smith", description));

    [Theory]
    [InlineData("www.rankfast.com")]
    [InlineData("Tom from seo-pros.net")]
    public void ALinkInTheNameIsCaught(string name) =>
        Assert.Equal(SpamVerdict.ContainsLink, SpamSignals.Judge(name, "We would like to talk to you about a proposal."));

    [Theory]
    [InlineData("uscis.gov")]
    [InlineData("https://www.uscis.gov/forms")]
    [InlineData("ice.gov/detain/detainee-locator")]
    [InlineData("justice.gov/eoir")]
    [InlineData("travel.state.gov")]
    [InlineData("www.sre.gob.mx")]
    [InlineData("consulmex.sre.gob.mx/dallas")]
    [InlineData("http://www.haiti.gouv.ht")]
    [InlineData("canada.gc.ca")]
    [InlineData("army.mil")]
    [InlineData("migracion.gov.co/tramites")]
    [InlineData("maria@example.com")]
    [InlineData("mailto:maria@example.com")]
    [InlineData("gmail.com")]
    [InlineData("detenido.es")]
    [InlineData("U.S.")]
    [InlineData("St.Louis")]
    [InlineData("a.m.")]
    [InlineData("passport.pdf")]
    [InlineData("1.5")]
    [InlineData("detained.in")]
    public void GovernmentSitesAddressesAndRunOnWordsAreNotLinks(string text) =>
        Assert.False(SpamSignals.ContainsLink(text), text);

    [Theory]
    // English
    [InlineData("We offer affordable SEO services to put your law firm on the first page of Google.")]
    [InlineData("I am an SEO expert and noticed your website is not ranking. Interested?")]
    [InlineData("We sell high DA backlinks from news sites, cheap.")]
    [InlineData("Looking for guest post opportunities on your blog, we pay per article.")]
    [InlineData("Our link-building team can raise your Domain Authority in 30 days.")]
    [InlineData("We can rank your website higher and increase your traffic by 300%.")]
    [InlineData("Professional web design services for immigration lawyers at low prices.")]
    [InlineData("We are a digital marketing agency helping attorneys grow your practice.")]
    [InlineData("Join the best online casino, 200 free spins on signup!")]
    [InlineData("Bitcoin investment with 40% monthly return, contact our manager on Telegram.")]
    [InlineData("Google's first page in two weeks, guaranteed.")]
    [InlineData("SEARCH ENGINE OPTIMIZATION PACKAGES FROM $99")]
    // Spanish
    [InlineData("Ofrecemos posicionamiento web para abogados: su despacho en la primera página de Google.")]
    [InlineData("Aumente el tráfico: le ofrecemos servicios SEO y enlaces de calidad.")]
    [InlineData("Publicamos artículos patrocinados en periódicos digitales, precios bajos.")]
    [InlineData("Somos una agencia de marketing con 10 años de experiencia en el sector legal.")]
    [InlineData("Gane dinero con inversión en criptomonedas, resultados en una semana.")]
    [InlineData("Juega en el mejor casino en línea y recibe giros gratis.")]
    // French
    [InlineData("Nous proposons le référencement naturel de votre cabinet sur Google.")]
    [InlineData("Votre site en première page de Google grâce à notre netlinking.")]
    [InlineData("Augmentez votre visibilité: augmenter votre trafic avec nos articles sponsorisés.")]
    [InlineData("Nous sommes une agence de marketing spécialisée dans les cabinets d'avocats.")]
    [InlineData("Casino en ligne: 100 tours gratuits pour les nouveaux joueurs.")]
    [InlineData("Investir en crypto avec un rendement de 30% par mois.")]
    public void APitchIsCaughtByItsPhrases(string description) =>
        Assert.Equal(SpamVerdict.SpamPhrases, SpamSignals.Judge("John Smith", description));

    [Fact]
    public void APitchInTheNameIsCaught() =>
        Assert.Equal(SpamVerdict.SpamPhrases, SpamSignals.Judge("Link Building Experts", "Hello, we have a proposal for you."));

    [Theory]
    [InlineData("Здравствуйте! Мы предлагаем услуги по продвижению вашего сайта в поисковых системах.")]
    [InlineData("您好，我们提供专业的网站推广服务，可以帮助您的网站在搜索引擎中获得更高的排名，欢迎联系我们。")]
    [InlineData("こんにちは。弊社はウェブサイトの検索順位を上げるサービスを提供しております。ご連絡をお待ちしております。")]
    [InlineData("안녕하세요. 저희는 웹사이트 검색 순위를 높이는 서비스를 제공합니다. 연락 주시기 바랍니다.")]
    [InlineData("مرحبا، نحن نقدم خدمات تحسين محركات البحث لموقعك على الإنترنت بأسعار منافسة جدا")]
    [InlineData("Hello! Мы предлагаем услуги по продвижению вашего сайта в поисковых системах. Thanks")]
    public void ADescriptionMostlyInAnotherScriptIsCaught(string description) =>
        Assert.Equal(SpamVerdict.UnexpectedLanguage, SpamSignals.Judge("John Smith", description));

    [Theory]
    [InlineData("Помогите")]
    [InlineData("救命 请打电话")]
    [InlineData("My name in Chinese is 李明华 and my wife is 王芳. She was detained at the airport in Houston yesterday.")]
    [InlineData("Mi esposo se llama Дмитрий Иванов, es de Ucrania y tiene TPS, lo detuvieron ayer en el trabajo.")]
    public void ShortTextOrAFewWordsInAnotherScriptAreNotJudgedByScript(string description) =>
        Assert.Equal(SpamVerdict.NotSpam, SpamSignals.Judge("John Smith", description));

    [Fact]
    public void ANameInItsOwnScriptIsNotJudged() =>
        Assert.Equal(SpamVerdict.NotSpam, SpamSignals.Judge("李明华", "My wife was detained at the airport in Houston yesterday, please call me."));

    [Fact]
    public void ALinkIsReportedBeforeThePitchPhrases() =>
        Assert.Equal(SpamVerdict.ContainsLink, SpamSignals.Judge("John Smith", "Affordable SEO services at rankfast.com"));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("   ", "\n")]
    public void NothingWrittenIsNotSpam(string? name, string? description) =>
        Assert.Equal(SpamVerdict.NotSpam, SpamSignals.Judge(name, description));
}
