import type { LanguagePack, TextCtx } from './text';

/** Danish: Danish customers, the Danish-speaking agents and the independent customer representative. */

const sign = (c: TextCtx) => `\n\nMed venlig hilsen\n${c.name}`;

export const da: LanguagePack = {
  customerRole: 'Kunde',
  agentRole: (c) => `${c.agent} (kundeservice)`,
  actor: {
    billing: 'Fakturering',
    collection: 'Inkasso',
    investigation: 'Undersøgelsesafdelingen',
    complaints: 'Kundeservice, klagehåndtering',
    credit: 'Kreditafdelingen',
    office: 'Den uafhængige kunderepræsentant',
  },
  agencies: ['Nordisk Inkasso ApS', 'Kreditorservice Danmark A/S', 'Inkassohuset Fyn ApS'],
  channel: { chat: 'Chat', call: 'Opkald', email: 'E-mail' },
  callHeader: (c) => `Optaget opkald, ${c.days} min. Udskrift i uddrag.\n`,

  greeting: [
    (c) => `Hej ${c.first}! Du taler med ${c.agent} fra kundeservice. Hvordan kan jeg hjælpe dig i dag?`,
    (c) => `Hej ${c.first}, det er ${c.agent} fra kundeservice. Hvad drejer din henvendelse sig om?`,
    () => `Hej og velkommen til kundeservice! Hvad kan jeg hjælpe med?`,
    (c) => `Hej, tak fordi du kontakter os. Jeg hedder ${c.agent} og hjælper dig gerne.`,
  ],
  problem: {
    undelivered_goods: [
      (c) => `Jeg bestilte ${c.item} hos ${c.merchant} den ${c.purchased}, men jeg har stadig ikke modtaget noget. Nu har jeg fået en faktura på ${c.amountShort}`,
      (c) => `${c.itemDefCap} fra ${c.merchant} er aldrig kommet. Sporingen har stået stille i to uger. Skal jeg virkelig betale ${c.amountShort} for noget, jeg ikke har fået?`,
      (c) => `Ordre ${c.order} er ikke leveret. Forhandleren svarer ikke på mails, og fakturaen forfalder snart.`,
      (c) => `Ifølge GLS er pakken udleveret, men jeg har aldrig hentet ${c.itemDef}. En anden har kvitteret.`,
    ],
    return_not_registered: [
      (c) => `Jeg sendte ${c.itemDef} retur til ${c.merchant} for over to uger siden, men fakturaen på ${c.amountShort} er der stadig. Jeg har indleveringskvitteringen.`,
      (c) => `Returneringen af ordre ${c.order} er ikke registreret, selvom sporingen viser, at pakken er leveret til forhandleren.`,
      (c) => `Jeg fortrød købet inden for fortrydelsesfristen og returnerede ${c.itemDef}. Hvorfor får jeg alligevel en faktura på ${c.amountShort}?`,
    ],
    refund_missing: [
      (c) => `${c.merchant} har bekræftet, at ordre ${c.order} er annulleret, og at jeg får ${c.amountShort} tilbage, men der er ikke kommet nogen tilbagebetaling.`,
      (c) => `Jeg betalte ${c.amountShort}, men ${c.itemDef} var udsolgt. Forhandleren siger, at pengene er sendt tilbage til jer. Hvor er min tilbagebetaling?`,
      (c) => `Købet hos ${c.merchant} er hævet for længe siden, men jeg har stadig ikke fået pengene tilbage.`,
    ],
    invoice_dispute: [
      (c) => `Fakturaen for ${c.order} lyder på ${c.amountShort}, men det passer ikke med ordrebekræftelsen. Jeg er blevet opkrævet for meget.`,
      (c) => `Jeg har fået to fakturaer for det samme køb hos ${c.merchant}. Jeg betaler ikke to gange.`,
      (c) => `Beløbet på fakturaen fra ${c.merchant} er forkert. Rabatkoden blev aldrig trukket fra.`,
    ],
    fees_and_reminders: [
      (c) => `Hvorfor har I lagt et rykkergebyr på? Jeg fik aldrig nogen faktura for ${c.order}, den kom ikke frem i appen.`,
      () => `Fakturaen endte i mit spamfilter, og jeg overskred forfaldsdatoen med et par dage. Nu har I lagt gebyrer på, det er urimeligt.`,
      (c) => `Jeg har fået en rykker med gebyr for ${c.order}, men jeg har aldrig fået selve fakturaen.`,
    ],
    debt_collection: [
      (c) => `Jeg har fået et inkassokrav for ${c.order}, selvom jeg har reklameret over købet. Det kan give mig en registrering i RKI!`,
      () => `Hvorfor er sagen sendt til inkasso? Jeg har ventet på svar fra jer i flere uger.`,
      (c) => `Inkassofirmaet kræver mig for penge for ${c.itemDef}, som jeg aldrig har fået.`,
    ],
    purchase_protection: [
      (c) => `Jeg vil gerne bruge købsbeskyttelsen. ${c.itemDefCap} fra ${c.merchant} kom frem i ødelagt stand, og forhandleren vil ikke tage varen retur.`,
      () => `Forhandleren svarer ikke længere, og hjemmesiden er lukket. I lover købsbeskyttelse, hvordan bruger jeg den?`,
      (c) => `${c.itemDefCap} svarer slet ikke til beskrivelsen på siden. Jeg vil anmelde det under købsbeskyttelsen.`,
    ],
    fraud_identity: [
      (c) => `Jeg har fået en faktura fra jer for et køb hos ${c.merchant}, som jeg aldrig har foretaget. Nogen har brugt mine oplysninger.`,
      (c) => `Købet på ${c.amountShort} er ikke mit. Jeg har aldrig handlet hos ${c.merchant} og tror, jeg er udsat for identitetstyveri.`,
    ],
    credit_decision: [
      (c) => `Jeg fik afslag på delbetaling hos ${c.merchant}, og nu er der lavet en kreditvurdering af mig. Hvorfor?`,
      (c) => `Min kreditgrænse blev sat ned uden varsel, og købet på ${c.amountShort} blev afvist. Jeg vil vide hvorfor.`,
    ],
    customer_service_conduct: [
      (c) => `Det er fjerde gang, jeg henvender mig om ${c.order}. Den sidste medarbejder lagde bare på.`,
      () => `Jeg blev behandlet uhøfligt i chatten i går, og ingen har vendt tilbage som lovet.`,
      () => `Jeg har spurgt, om jeg kan klage til Det Finansielle Ankenævn, men ingen vil svare på det.`,
    ],
    data_protection: [
      () => `Jeg bad om indsigt i mine oplysninger efter GDPR for en måned siden og har ikke fået noget.`,
      () => `Jeg vil have, at I sletter mine oplysninger og bekræfter det skriftligt. I har desuden sendt min faktura til en forkert mailadresse.`,
    ],
  },
  purpose: {
    status: [
      (c) => `Hej igen. Jeg har stadig ikke hørt noget om ${c.order}. Hvad sker der?`,
      (c) => `Det er ${c.count}. gang, jeg henvender mig om det samme. Har forhandleren svaret?`,
      () => `I lovede at vende tilbage, men ingen har kontaktet mig.`,
      (c) => `Jeg vil bare høre, hvordan det går med reklamationen af ${c.itemDef}.`,
    ],
    reminder: [
      (c) => `Nu har jeg fået en rykker på ${c.amountShort}, selvom sagen er under undersøgelse!`,
      () => `Hvorfor får jeg rykkere, når I sagde, at fakturaen var sat på pause?`,
    ],
    refund: [
      () => `I lovede, at pengene ville komme inden for en uge. Det er længe siden, og jeg har ikke fået noget.`,
      (c) => `Hvor er min tilbagebetaling på ${c.money}? Jeg har ventet i flere uger.`,
    ],
    collection: [
      (c) => `Jeg har fået brev fra ${c.agency}. Hvordan kan sagen gå til inkasso, når reklamationen ikke er afsluttet?`,
      () => `Jeg har fået et inkassokrav! Jeg har jo reklameret, og I sagde, at jeg ikke skulle betale.`,
    ],
    pause_ending: [
      () => `Pausen på fakturaen udløber i morgen, og jeg har stadig ikke fået noget svar.`,
      () => `Fakturaen forfalder snart igen. Skal jeg betale eller ej?`,
    ],
    paid_anyway: [
      () => `Jeg tør ikke vente længere, så jeg betaler for at undgå inkasso. Men jeg vil have pengene tilbage, hvis forhandleren ikke løser det.`,
      () => `Jeg har betalt fakturaen nu, fordi jeg ikke vil registreres i RKI. Reklamationen står ved magt.`,
    ],
  },
  action: {
    pause: [
      (c) => `Det forstår jeg. Jeg sætter fakturaen på pause i ${c.days} dage, mens vi undersøger sagen med forhandleren, så du skal ikke betale nu.`,
      (c) => `Jeg har sat fakturaen på pause i ${c.days} dage og sendt sagen videre til vores undersøgelsesafdeling.`,
    ],
    investigate: [
      () => `Jeg har sendt sagen til undersøgelse. Du får besked på mail, så snart vi ved mere.`,
      () => `Vi har kontaktet forhandleren og afventer svar. Forhandleren har normalt 21 dage til at svare.`,
    ],
    tech: [
      () => `Desværre har vi en teknisk fejl i systemet lige nu, så jeg kan ikke se din sag. Prøv igen om et par dage.`,
      () => `Der ser ud til at være opstået en teknisk fejl, og sagen sidder fast. Jeg har meldt fejlen videre.`,
      () => `Jeg beklager, vi har tekniske problemer, og jeg kan ikke ændre noget på fakturaen i dag.`,
    ],
    promise_refund: [
      (c) => `Jeg kan se, at forhandleren har godkendt det. Tilbagebetalingen på ${c.money} kommer inden for 5–7 bankdage.`,
      (c) => `Du får ${c.money} tilbage inden for ${c.days} dage, det lover jeg.`,
    ],
    callback: [
      () => `Jeg tager det op med min chef og ringer dig op inden for 48 timer.`,
      () => `En specialist kontakter dig inden for to hverdage.`,
    ],
    merchant_wait: [
      (c) => `Vi venter stadig på svar fra ${c.merchant}. Der er ikke mere, jeg kan gøre, før de har svaret.`,
      () => `Forhandleren har ikke svaret endnu. Jeg har sendt dem en påmindelse.`,
    ],
    circle: [
      () => `Jeg oplever, at samtalen kører i ring. Jeg vil afslutte sagen nu.`,
      () => `Vi har allerede givet dig vores svar, og jeg kan ikke hjælpe dig videre. Jeg afslutter chatten.`,
    ],
    pay_anyway: [
      () => `Jeg anbefaler, at du betaler fakturaen for at undgå inkasso. Hvis forhandleren giver dig medhold, får du pengene tilbage.`,
      () => `Desværre kan jeg ikke sætte fakturaen på pause længere. Betal gerne for at undgå gebyrer.`,
    ],
    explain: [
      () => `Forhandleren har sendt leveringsbevis, der viser, at pakken er kvitteret med MitID. Derfor står fakturaen ved magt.`,
      () => `Rykkergebyret er korrekt efter vilkårene, fordi fakturaen forfaldt, før du kontaktede os.`,
      () => `Beløbet svarer til ordren ifølge forhandlerens oplysninger, så fakturaen er korrekt.`,
    ],
    form: [
      () => `For at komme videre skal du udfylde vores formular til tilbagebetaling med navn, CPR-nummer, kontonummer og ordrenummer.`,
      () => `Kan du sende kvitteringen og et skærmbillede af ordren via formularen på vores hjemmeside?`,
    ],
    extend: [
      (c) => `Jeg har forlænget pausen med ${c.days} dage, fordi forhandleren stadig ikke har svaret.`,
      (c) => `Intet problem, jeg udskyder forfaldsdatoen ${c.days} dage mere.`,
    ],
    resolved: [
      () => `Forhandleren har bekræftet sagen, og fakturaen bliver justeret. Du skal ikke gøre mere.`,
      () => `Alt er klaret fra vores side nu. Du får en bekræftelse på mail.`,
    ],
  },
  nonPurchase: {
    status: [
      () => `Hej igen. Jeg har stadig ikke fået svar på min henvendelse.`,
      (c) => `Det er ${c.count}. gang, jeg henvender mig om det samme. Hvornår får jeg svar?`,
      () => `I lovede at vende tilbage, men ingen har kontaktet mig.`,
    ],
    investigate: [
      () => `Jeg har sendt sagen videre til den rette afdeling. Du får besked på mail, så snart vi ved mere.`,
      () => `Sagen ligger hos specialistafdelingen. De vender tilbage til dig.`,
    ],
  },
  explain: {
    delivery: [
      () => `Forhandleren har sendt leveringsbevis, der viser, at pakken er kvitteret med MitID. Derfor står fakturaen ved magt.`,
      () => `Ifølge sporingen er pakken hentet i din pakkeshop. Vi kan derfor ikke godkende reklamationen.`,
    ],
    return: [
      () => `Forhandleren har ikke registreret nogen returnering, og uden indleveringskvittering kan vi desværre ikke kreditere fakturaen.`,
      () => `Returneringen kom efter fortrydelsesfristen på 14 dage, så forhandleren godkender den ikke.`,
    ],
    fees: [
      () => `Rykkergebyret er korrekt efter vilkårene, fordi fakturaen forfaldt, før du kontaktede os.`,
      () => `Fakturaen blev sendt til din mail og lå i appen, så gebyret står ved magt.`,
    ],
    amount: [
      () => `Beløbet svarer til ordren ifølge forhandlerens oplysninger, så fakturaen er korrekt.`,
      () => `Ifølge forhandleren gjaldt rabatkoden ikke de varer, du købte.`,
    ],
    credit: [
      () => `Kreditafgørelsen træffes automatisk ud fra kreditoplysningen og din betalingshistorik. Vi kan ikke ændre den bagefter.`,
      () => `Kreditgrænsen blev justeret efter vores løbende kreditvurdering i henhold til vilkårene.`,
    ],
    data: [
      () => `Din anmodning om indsigt er registreret og behandles af vores databeskyttelsesteam inden for en måned.`,
      () => `Vi kan ikke slette oplysningerne, så længe der er en ubetalt faktura.`,
    ],
  },
  reaction: [
    () => `Okay, tak.`,
    () => `Men det har I sagt før!`,
    () => `Kan jeg få det på skrift?`,
    () => `Det er ikke i orden.`,
    () => `Hvor lang tid tager det?`,
    () => `Okay. Jeg håber virkelig, at det bliver løst nu.`,
    () => `Jeg vil tale med en, der kan træffe en beslutning.`,
  ],
  closing: [
    () => `Tak fordi du kontaktede os, hav en god dag!`,
    () => `Er der andet, jeg kan hjælpe med?`,
    () => `Du kan finde sagen i appen under Hjælp.`,
  ],
  mailFromCustomer: (c, text) => `Hej,\n\n${text}${sign(c)}`,
  mailFromAgent: (c, text) => `Hej ${c.first},\n\n${text}\n\nMed venlig hilsen\n${c.agent}\nKundeservice`,
  categoryLabel: {
    undelivered_goods: 'kunden melder manglende levering',
    return_not_registered: 'kunden oplyser, at returneringen ikke er registreret',
    refund_missing: 'kunden mangler tilbagebetaling',
    invoice_dispute: 'kunden bestrider fakturabeløbet',
    fees_and_reminders: 'kunden anfægter gebyrer',
    debt_collection: 'kunden har fået inkassokrav',
    purchase_protection: 'kunden vil bruge købsbeskyttelsen',
    fraud_identity: 'kunden bestrider købet som uautoriseret',
    credit_decision: 'kunden anfægter kreditafgørelse',
    customer_service_conduct: 'kunden klager over behandlingen',
    data_protection: 'kunden beder om indsigt',
  },
  purposeLabel: {
    status: 'kunden spørger til status',
    reminder: 'rykker under verserende sag',
    refund: 'kunden mangler lovet tilbagebetaling',
    collection: 'kunden har fået inkassokrav',
    pause_ending: 'pausen udløber',
    paid_anyway: 'kunden betaler for at undgå inkasso',
  },
  actionLabel: {
    pause: (c) => `fakturaen sættes på pause i ${c.days} dage`,
    investigate: () => 'sendt til undersøgelse',
    tech: () => 'henviser til teknisk fejl',
    promise_refund: () => 'tilbagebetaling lovet',
    callback: () => 'opringning lovet',
    merchant_wait: () => 'afventer forhandleren',
    circle: () => 'medarbejderen afslutter kontakten',
    pay_anyway: () => 'kunden rådes til at betale',
    explain: () => 'medarbejderen forklarer afgørelsen',
    form: () => 'kunden bedes udfylde formular',
    extend: (c) => `pausen forlænges ${c.days} dage`,
    resolved: () => 'løst ifølge kundeservice',
  },
  contactSummary: (channel, what, action) => (action ? `${channel}: ${what} – ${action}` : `${channel} fra kunden: ${what}`),

  invoiceIssued: {
    summary: (c) => `Faktura sendt: ${c.order}, ${c.amount}`,
    body: {
      invoice: (c) => `Faktura for køb hos ${c.merchant} (${c.order}). Beløb ${c.amount} Forfaldsdato ${c.date}. Betal i appen eller med MobilePay.`,
      pay_later: (c) => `Betal senere: ${c.amount} for køb hos ${c.merchant} (${c.order}), betales senest ${c.date}.`,
      part_payment: (c) => `Købet på ${c.amount} hos ${c.merchant} (${c.order}) er lagt på din delbetalingskonto. Første månedlige opkrævning forfalder ${c.date}.`,
      card: (c) => `Kortkøb hos ${c.merchant} på ${c.amount} (${c.order}). Beløbet kommer med på månedsfakturaen, der forfalder ${c.date}.`,
    },
  },
  paused: {
    summary: (c) => `Fakturaen sat på pause i ${c.days} dage`,
    body: (c) => `Fakturaen for ${c.order} blev sat på pause i ${c.days} dage på grund af en verserende sag. Ny forfaldsdato ${c.date}.`,
  },
  extended: {
    summary: (c) => `Pausen forlænget ${c.days} dage`,
    body: (c) => `Pausen for ${c.order} blev forlænget med ${c.days} dage. Ny forfaldsdato ${c.date}.`,
  },
  resumed: {
    summary: () => `Pausen ophævet, fakturaen er aktiv igen`,
    body: (c) => `Fakturaen for ${c.order} er aktiv igen. Forfaldsdato ${c.date}.`,
  },
  reminder: {
    summary: (c) => `Rykker: ${c.order}`,
    body: (c) => `Rykker. Ubetalt beløb ${c.money} Betal senest ${c.date} for at undgå inkasso.`,
  },
  reminderFee: {
    summary: (c) => `Rykkergebyr ${c.money}`,
    body: (c) => `Et rykkergebyr på ${c.money} er lagt på fakturaen for ${c.order}.`,
  },
  lateFee: {
    summary: (c) => `Gebyr for sen betaling ${c.money}`,
    body: (c) => `Et gebyr for sen betaling på ${c.money} er opkrævet for ${c.order}.`,
  },
  collection: {
    summary: (c) => `Overdraget til inkasso (${c.agency})`,
    body: (c) => `Fakturaen for ${c.order} er overdraget til ${c.agency}. Krav inklusive gebyrer: ${c.money} Inkassobrev sendt til kunden.`,
  },
  payment: {
    summary: (c) => `Betaling modtaget ${c.money}`,
    body: (c) => `Betaling på ${c.money} registreret for ${c.order}.`,
  },
  refund: {
    summary: (c) => `Tilbagebetaling ${c.money}`,
    body: (c) => `Tilbagebetaling på ${c.money} er overført til kundens konto for ${c.order}.`,
  },
  creditPartial: {
    summary: (c) => `Delvis kreditering ${c.money}`,
    body: (c) => `Fakturaen for ${c.order} er krediteret med ${c.money}. Restbeløb til betaling: ${c.rest}`,
  },
  credit: {
    summary: (c) => `Fakturaen krediteret ${c.money}`,
    body: (c) => `Fakturaen for ${c.order} er krediteret med ${c.money} Kunden har intet udestående.`,
  },
  creditDenied: {
    summary: () => `Svar på kreditvurdering: afslag`,
    body: (c) => `Din ansøgning om delbetaling hos ${c.merchant} på ${c.amount} er ikke imødekommet efter kreditvurdering. Der er indhentet en kreditoplysning.`,
  },

  disputeOpened: {
    non_delivery: 'Reklamation oprettet: manglende levering',
    return: 'Reklamation oprettet: returnering ikke registreret',
    fraud: 'Undersøgelse oprettet: mistanke om uautoriseret køb',
    wrong_amount: 'Reklamation oprettet: forkert beløb',
    defect: 'Reklamation oprettet: defekt vare',
  },
  disputeOpenedBody: (c) => `Sag oprettet mod ${c.merchant} for ${c.order}. Forhandleren har 21 dage til at svare.`,
  merchantRequest: {
    summary: () => `Anmodning om dokumentation sendt til forhandleren`,
    body: (c) => `Vi har bedt ${c.merchant} om leveringsbevis og returoplysninger for ${c.order}. Svarfrist ${c.date}.`,
  },
  merchantReply: {
    delivered: {
      summary: () => `Forhandleren svarer: varen er leveret`,
      body: (c) => `${c.merchant}: Pakken blev leveret til pakkeshop og udleveret mod kvittering. Sporingsnummer ${c.ref}. Vi godkender ikke reklamationen.`,
    },
    no_return: {
      summary: () => `Forhandleren svarer: returneringen er ikke modtaget`,
      body: (c) => `${c.merchant}: Vi har ikke modtaget nogen returnering for ${c.order}. Kunden må gerne sende indleveringskvittering.`,
    },
    accepts: {
      summary: () => `Forhandleren godkender reklamationen`,
      body: (c) => `${c.merchant}: Vi bekræfter, at ${c.order} krediteres med ${c.money}`,
    },
    partial: {
      summary: () => `Forhandleren tilbyder afslag i prisen`,
      body: (c) => `${c.merchant}: Vi tilbyder et afslag på ${c.money} for ${c.order}. Ellers godkendes reklamationen ikke.`,
    },
  },
  disputeClosed: {
    merchant_no_response: {
      summary: () => `Reklamationen lukket: forhandleren har ikke svaret`,
      body: (c) => `Forhandleren har ikke svaret inden for 21 dage. Sagen for ${c.order} lukkes, og fakturaen genaktiveres.`,
    },
    in_customer_favour: {
      summary: () => `Reklamationen afsluttet med medhold til kunden`,
      body: (c) => `Reklamationen for ${c.order} er afsluttet. Kunden får medhold, og ${c.money} krediteres.`,
    },
    in_merchant_favour: {
      summary: () => `Reklamationen afsluttet: forhandlerens dokumentation godtages`,
      body: (c) => `Forhandlerens dokumentation for ${c.order} vurderes tilstrækkelig. Fakturaen står ved magt.`,
    },
    partial: {
      summary: () => `Reklamationen afsluttet med delvis kreditering`,
      body: (c) => `Reklamationen for ${c.order} afsluttes med kreditering af ${c.money} Restbeløbet skal betales.`,
    },
  },
  protectionClaim: {
    summary: () => `Anmeldelse under købsbeskyttelsen`,
    body: (c) => `Kunden har anmeldt købet (${c.order}, ${c.amount}) under købsbeskyttelsen. Begrundelse: varen svarer ikke til beskrivelsen, og forhandleren svarer ikke.`,
  },

  orderConfirmation: {
    summary: (c) => `Ordrebekræftelse fra ${c.merchant}`,
    body: (c) => `Kunden har uploadet ordrebekræftelsen for ${c.order}.`,
    pdf: (c) => [`Ordrebekræftelse`, c.merchant, `Ordre: ${c.order}`, `Ordredato: ${c.purchased}`, `I alt: ${c.amount}`, `Betaling: faktura`],
  },
  returnReceipt: {
    summary: () => `Indleveringskvittering for returnering`,
    body: (c) => `Kunden har sendt indleveringskvittering for returneringen til ${c.merchant} (pakkenummer ${c.ref}).`,
    pdf: (c) => [`Indleveringskvittering`, `Pakkenummer: ${c.ref}`, `Modtager: ${c.merchant}`, `Vedrører ordre: ${c.order}`, `Indleveret: ${c.date}`],
  },
  policeReport: {
    summary: () => `Politianmeldelse om bedrageri`,
    body: (c) => `Kunden har sendt kopi af politianmeldelsen (journalnummer ${c.ref}) om uautoriseret køb hos ${c.merchant}.`,
    pdf: (c) => [`Politianmeldelse - kopi`, `Journalnummer: ${c.ref}`, `Forhold: bedrageri`, `Vedrører køb: ${c.order}, ${c.merchant}`],
  },
  merchantConfirmation: {
    summary: () => `Forhandlerens bekræftelse af annullering`,
    body: (c) => `Kunden videresender en mail fra ${c.merchant}, hvor annulleringen af ${c.order} bekræftes og tilbagebetaling loves.`,
  },
  screenshot: {
    summary: () => `Skærmbillede fra appen`,
    body: () => `Kunden har sendt et skærmbillede fra appen, der viser fakturaens status.`,
  },
  terms: { fileName: 'vilkaar-koebsbeskyttelse.pdf', lines: ['Vilkår for købsbeskyttelse', 'Gælder fra 1. januar', 'Købsbeskyttelsen gælder, hvis varen ikke leveres eller væsentligt afviger fra beskrivelsen.'] },

  fileNames: { orderConfirmation: 'ordrebekraeftelse', returnReceipt: 'indleveringskvittering', policeReport: 'politianmeldelse', decision: 'afgoerelse', screenshot: 'skaermbillede' },

  complaint: {
    summary: () => `Formel klage fra kunden`,
    body: (c) =>
      c.count > 2
        ? `Hej,\n\nJeg vil indgive en formel klage over ${c.order} hos ${c.merchant}. Jeg har kontaktet jer ${c.count} gange uden at få en løsning. Jeg ønsker et skriftligt svar på min klage.${sign(c)}`
        : `Hej,\n\nJeg er ikke tilfreds med behandlingen af min sag om ${c.order} og beder jer behandle dette som en klage. Jeg ønsker et skriftligt svar.${sign(c)}`,
  },
  holdingReply: {
    summary: () => `Meddelelse om forlænget sagsbehandlingstid`,
    body: (c) => `Hej ${c.first},\n\nVi har modtaget din klage, men har brug for mere tid til at undersøge den. Du får et endeligt svar senest ${c.date}.\n\nMed venlig hilsen\nKundeservice, klagehåndtering`,
  },
  finalAnswerSummary: {
    rejected: 'Endeligt svar fra kundeservice: klagen afvises',
    rejected_no_response: 'Endeligt svar fra kundeservice: klagen afvises',
    partly: 'Endeligt svar fra kundeservice: delvis imødekommet',
    upheld: 'Endeligt svar fra kundeservice: kunden får medhold',
    refund_pending: 'Endeligt svar fra kundeservice: tilbagebetaling bestilt',
  },
  finalAnswerText: {
    rejected: [
      () => `Vi har gennemgået sagen og forhandlerens dokumentation. Vi vurderer, at fakturaen er korrekt, og den står ved magt.`,
      () => `Efter undersøgelse finder vi ikke grundlag for at kreditere fakturaen. Forhandleren har dokumenteret, at købet er korrekt gennemført.`,
    ],
    rejected_no_response: [
      () => `Da forhandleren ikke har kunnet kontaktes, er reklamationen afsluttet, og fakturaen skal betales.`,
      () => `Forhandleren har ikke besvaret vores henvendelse inden for 21 dage. Sagen er derfor lukket, og fakturaen står ved magt.`,
    ],
    partly: [
      (c) => `Vi fjerner rykkergebyrerne som en gestus, men fakturaen på ${c.amountShort} står ved magt.`,
      () => `Vi krediterer gebyrerne, men vurderer i øvrigt, at fakturaen er korrekt.`,
    ],
    upheld: [
      (c) => `Vi beklager forsinkelsen. Tilbagebetalingen på ${c.money} er nu registreret.`,
      () => `Vi giver dig medhold, og fakturaen er krediteret. Vi kan dog ikke dække øvrige omkostninger.`,
    ],
    refund_pending: [
      () => `Tilbagebetalingen er bestilt og vil snart kunne ses på din konto. Vi beklager forsinkelsen.`,
    ],
  },
  finalAnswerRefusal: {
    credit_decision: [
      () => `Kreditvurderingen er foretaget efter vores retningslinjer, og afgørelsen står ved magt. Kreditoplysningen er korrekt registreret og kan ikke slettes.`,
    ],
    data_protection: [
      () => `Vi har nu sendt dig indsigt i dine oplysninger. Oplysningerne om din faktura er korrekte og skal ikke rettes.`,
    ],
    customer_service_conduct: [
      () => `Vi beklager, at du har oplevet behandlingen som dårlig. Vi har gennemgået henvendelserne og ser ingen fejl i behandlingen af din sag.`,
    ],
  },
  finalAnswer: (c, decision) =>
    `Hej ${c.first},\n\nTak for din klage vedrørende ${c.order}. ${decision}\n\nHvis du ikke er tilfreds med vores svar, kan du kontakte vores uafhængige kunderepræsentant, som foretager en uafhængig vurdering af sagen.\n\nMed venlig hilsen\nKundeservice, klagehåndtering`,

  escalationSummary: [
    () => `Kunden beder den uafhængige kunderepræsentant vurdere sagen`,
    (c) => `Klage til kunderepræsentanten over køb hos ${c.merchant}`,
    () => `Klage over kundeservice' endelige svar`,
  ],
  escalationIntro: [
    () => `Hej,\n\nJeg vil gerne have, at den uafhængige kunderepræsentant vurderer min sag, fordi jeg ikke er tilfreds med kundeservice' endelige svar.`,
    () => `Kære kunderepræsentant,\n\nJeg blev henvist til jer af kundeservice og vil klage over deres afgørelse.`,
    () => `Hej,\n\nJeg har forsøgt at løse dette med kundeservice i flere måneder uden resultat og henvender mig nu til jer.`,
  ],
  escalationBackground: {
    purchase: (c) => `Jeg købte ${c.item} hos ${c.merchant} den ${c.purchased} (ordre ${c.order}, ${c.amountShort}).`,
    fraud: (c) => `Den ${c.purchased} blev der registreret et køb i mit navn hos ${c.merchant} (ordre ${c.order}, ${c.amountShort}), som jeg ikke har foretaget.`,
    credit: (c) => `Den ${c.purchased} søgte jeg om delbetaling af et køb på ${c.amountShort} hos ${c.merchant} (ordre ${c.order}).`,
  },
  escalationFlag: {
    repeatedContacts: (c) => `Jeg har kontaktet kundeservice ${c.count} gange om det samme køb uden at få et ordentligt svar.`,
    repeatedPauses: () => `Fakturaen er blevet sat på pause igen og igen, men ingen har faktisk løst problemet.`,
    collectionDuringDispute: () => `Selvom reklamationen var i gang, fik jeg rykkere, gebyrer og til sidst et inkassokrav.`,
    paidDuringDispute: (c) => `Jeg betalte til sidst ${c.money} for at undgå inkasso, selvom sagen ikke var løst.`,
    merchantNoResponse: () => `Efter 21 dage fik jeg at vide, at forhandleren ikke havde svaret, og at sagen derfor var lukket. Det kan vel ikke være min skyld?`,
    refundNotMade: (c) => `Jeg fik lovet en tilbagebetaling den ${c.date}, men har stadig ikke fået nogen penge.`,
    technicalError: () => `Hver gang jeg henvender mig, siger de, at der er en teknisk fejl.`,
    lateFinalAnswer: (c) => `Det tog over ${c.count} uger at få svar på min klage.`,
  },
  escalationAnswer: (c) => `Kundeservice' endelige svar kom den ${c.date}, og det accepterer jeg ikke.`,
  escalationClaims: 'Mine krav:',
  escalationClosing: (c) => `Jeg vedhæfter det, jeg har. Skriv endelig, hvis I har brug for flere oplysninger.\n\nMed venlig hilsen\n${c.name}\n${c.email}`,

  claim: {
    refundUnpaid: (c) => `Jeg kræver, at fakturaen på ${c.amountShort} for ${c.order} krediteres fuldt ud.`,
    refundPaid: (c) => `Jeg kræver at få de ${c.money}, som jeg har betalt, tilbage.`,
    refundRest: (c) => `Jeg kræver, at de resterende ${c.money} på fakturaen for ${c.order} krediteres.`,
    reverse: (c) => `Jeg kræver, at de resterende ${c.money} for ${c.order} tilbagebetales henholdsvis krediteres, så købet hæves helt.`,
    fees: (c) => `Jeg kræver, at rykker- og inkassogebyrerne på i alt ${c.money} fjernes.`,
    interest: (c) => `Jeg kræver, at renterne på ${c.money}, der er opkrævet under reklamationen, bortfalder.`,
    compensation: (c) => `Jeg kræver en godtgørelse på ${c.money} for den tid og det besvær, sagen har kostet.`,
    credit: () => `Jeg kræver, at inkassosagen trækkes tilbage, og at jeg ikke registreres i RKI.`,
    creditDecision: () => `Jeg kræver, at kreditoplysningen slettes, og at kreditafgørelsen tages op igen.`,
    overcharge: (c) => `Jeg kræver, at fakturaen for ${c.order} nedsættes med ${c.money} til det beløb, jeg faktisk har bestilt.`,
    apology: () => `Jeg vil have en skriftlig undskyldning for den måde, kundeservice har behandlet mig på.`,
    data: () => `Jeg kræver fuld indsigt i mine oplysninger, og at forkerte oplysninger rettes.`,
  },
  caseSummary: {
    undelivered_goods: (c) => `Manglende levering fra ${c.merchant}; faktura ${c.amountShort} (${c.order})`,
    return_not_registered: (c) => `Returnering til ${c.merchant} ikke registreret; kunden bestrider fakturaen på ${c.amountShort}`,
    refund_missing: (c) => `Tilbagebetaling på ${c.amountShort} for køb hos ${c.merchant} er ikke sket`,
    invoice_dispute: (c) => `Kunden bestrider beløbet på fakturaen fra ${c.merchant} (${c.amountShort})`,
    fees_and_reminders: (c) => `Rykkergebyrer på faktura for køb hos ${c.merchant} anfægtes`,
    debt_collection: (c) => `Køb hos ${c.merchant} er sendt til inkasso; kunden bestrider kravet`,
    purchase_protection: (c) => `Købsbeskyttelse afvist for køb hos ${c.merchant} (${c.amountShort})`,
    fraud_identity: (c) => `Kunden bestrider køb hos ${c.merchant} som uautoriseret (identitetstyveri)`,
    credit_decision: (c) => `Kunden anfægter kreditafgørelse ved køb hos ${c.merchant}`,
    customer_service_conduct: (c) => `Klage over kundeservice' behandling i sag om køb hos ${c.merchant}`,
    data_protection: () => `Anmodning om indsigt og berigtigelse er ikke besvaret`,
  },
  flagClause: {
    repeatedContacts: 'gentagne henvendelser uden løsning',
    repeatedPauses: 'fakturaen sat på pause igen og igen',
    collectionDuringDispute: 'rykkere og inkasso under reklamation',
    paidDuringDispute: 'kunden betalte under verserende reklamation',
    merchantNoResponse: 'reklamationen lukket, da forhandleren ikke svarede',
    refundNotMade: 'lovet tilbagebetaling udeblev',
    technicalError: 'henvisning til teknisk fejl',
    lateFinalAnswer: 'sent endeligt svar',
  },

  statusLabel: {
    received: 'Modtaget',
    acknowledged: 'Kvitteret',
    in_review: 'Under behandling',
    waiting_for_customer: 'Afventer kunden',
    decision_drafted: 'Udkast til afgørelse',
    decision_issued: 'Afgørelse meddelt',
    closed: 'Afsluttet',
  },
  ackLetter: {
    summary: () => `Kvittering for modtagelse sendt til kunden`,
    body: (c) => `Hej ${c.first},\n\nVi har modtaget din klage og registreret den under sagsnummer ${c.caseNo}. Den uafhængige kunderepræsentant behandler sagen uafhængigt af kundeservice og træffer afgørelse inden for 10 hverdage.\n\nMed venlig hilsen\nDen uafhængige kunderepræsentant`,
  },
  assignment: (c) => `Sagen tildelt ${c.person}`,
  statusChange: (from, to) => `Status ændret: ${from} → ${to}`,
  noteGeneral: [
    () => `Anmodet om samtaleoptagelser og chatlog fra kundeservice for hele perioden.`,
    (c) => `Anmodet om forhandlerens dokumentation fra ${c.merchant} via kundeservice.`,
    () => `Gennemgået fakturahistorikken og kundens bilag.`,
  ],
  noteFlag: {
    repeatedContacts: (c) => `Kunden har kontaktet kundeservice ${c.count} gange om det samme køb, uden at sagen er løst.`,
    repeatedPauses: () => `Fakturaen er sat på pause og forlænget gentagne gange, uden at der ses nogen undersøgelse i historikken.`,
    collectionDuringDispute: () => `Rykkere og gebyrer blev sendt, mens reklamationen var åben. Skal undersøges.`,
    paidDuringDispute: () => `Kunden betalte under verserende reklamation for at undgå inkasso.`,
    merchantNoResponse: () => `Reklamationen blev lukket efter 21 dage, alene fordi forhandleren ikke svarede.`,
    refundNotMade: () => `Tilbagebetaling blev lovet i kontakt med kundeservice, men ingen tilbagebetaling er registreret.`,
    technicalError: () => `Medarbejderne har flere gange henvist til teknisk fejl.`,
    lateFinalAnswer: () => `Kundeservice' endelige svar kom efter mere end 15 bankdage.`,
  },
  noteClean: {
    general: [
      () => `Kundeservice' sagsbehandling ser korrekt ud og understøttes af dokumentationen i historikken.`,
      () => `Intet afvigende i historikken. Kundeservice svarede rettidigt og korrekt i sagen.`,
    ],
    fees: [() => `Gebyrerne er opkrævet efter vilkårene. Intet afvigende i historikken.`],
  },
  noteSettled: [
    () => `Kunden har trukket klagen tilbage, efter at kundeservice har tilbudt en løsning. Sagen afsluttes uden afgørelse.`,
    () => `Parterne har indgået forlig. Sagen afsluttes uden afgørelse.`,
  ],
  infoRequest: {
    summary: () => `Anmodning om supplerende oplysninger sendt til kunden`,
    body: (c) => `Hej ${c.first},\n\nFor at kunne vurdere din sag har vi brug for ${c.ref}. Svar gerne senest ${c.date}.\n\nMed venlig hilsen\n${c.person}\nDen uafhængige kunderepræsentant`,
  },
  infoWhat: [
    () => `en kopi af indleveringskvitteringen for returneringen`,
    () => `et kontoudtog, der viser din betaling`,
    (c) => `den korrespondance, du har haft med ${c.merchant}`,
    () => `skærmbilleder fra appen, der viser fakturaens status`,
  ],
  customerReply: {
    summary: () => `Supplerende oplysninger fra kunden`,
    body: (c) => `Hej,\n\nHer er de oplysninger, I bad om.${sign(c)}`,
  },
  decisionLabel: { upheld: 'Kravet imødekommes', partly_upheld: 'Kravet imødekommes delvist', not_upheld: 'Kravet afvises' },
  decisionRemedy: {
    upheld: (c) => `${c.money} tilbagebetales eller krediteres inden for 10 bankdage, og gebyrerne fjernes.`,
    partly_upheld: (c) => `Gebyrerne på ${c.money} fjernes. Fakturaen står i øvrigt ved magt.`,
    not_upheld: () => `Kunderepræsentanten finder ikke grundlag for at ændre kundeservice' afgørelse.`,
  },
  draftNote: (c, label, remedy) => `Udkast til afgørelse i ${c.caseNo}: ${label}. ${remedy} Sendt til kunderepræsentanten til gennemsyn.`,
  decisionBody: (c, label, remedy) =>
    `Den uafhængige kunderepræsentant har truffet afgørelse i sag ${c.caseNo}: ${label}. ${remedy}\n\nAfgørelsen er virksomhedens endelige vurdering.`,
  decisionPdf: (c, label, remedy) => [`Afgørelse ${c.caseNo}`, `Kunde: ${c.name}`, `${label}.`, remedy, `${c.person}, uafhængig kunderepræsentant`],
  decisionLetter: {
    summary: () => `Afgørelsen sendt til kunden`,
    body: (c) => `Afgørelsen er sendt til ${c.email}. Kunden er oplyst om muligheden for at klage til Det Finansielle Ankenævn eller indbringe sagen for domstolene.`,
  },
};
