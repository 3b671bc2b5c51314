import type { LanguagePack, TextCtx } from './text';

/** Swedish: the voice of Swedish customers, outsourced agents and the ombudsman's office. */

const sign = (c: TextCtx) => `\n\nMed vänliga hälsningar\n${c.name}`;

export const sv: LanguagePack = {
  customerRole: 'Kund',
  agentRole: (c) => `${c.agent} (kundservice)`,
  actor: {
    billing: 'Fakturering',
    collection: 'Inkasso',
    investigation: 'Utredningsavdelningen',
    complaints: 'Kundservice, klagomålshantering',
    credit: 'Kreditavdelningen',
    office: 'Kundombudets kansli',
  },
  agencies: ['Nordkredit Inkasso AB', 'Svea Fordran AB', 'Kravhuset i Norden AB'],
  channel: { chat: 'Chatt', call: 'Samtal', email: 'E-post' },
  callHeader: (c) => `Inspelat samtal, ${c.days} min. Utskrift i sammandrag.\n`,

  greeting: [
    (c) => `Hej ${c.first}! Du pratar med ${c.agent} på kundservice. Hur kan jag hjälpa dig idag?`,
    (c) => `Hej ${c.first}, det är ${c.agent} på kundservice. Vad gäller ditt ärende?`,
    () => `Hej och välkommen till kundservice! Vad kan jag hjälpa dig med?`,
    (c) => `Hej, tack för att du hör av dig. Jag heter ${c.agent} och hjälper dig gärna.`,
  ],
  problem: {
    undelivered_goods: [
      (c) => `Jag beställde ${c.item} från ${c.merchant} den ${c.purchased} men har fortfarande inte fått något. Nu har jag fått en faktura på ${c.amountShort}.`,
      (c) => `${c.itemDefCap} från ${c.merchant} har aldrig kommit. Spårningen har stått still i två veckor. Ska jag verkligen betala ${c.amountShort} för något jag inte fått?`,
      (c) => `Order ${c.order} har inte levererats. Handlaren svarar inte på mejl och fakturan förfaller snart.`,
      (c) => `Enligt PostNord ska paketet ha lämnats ut, men jag har aldrig hämtat ut ${c.itemDef}. Någon annan har kvitterat.`,
    ],
    return_not_registered: [
      (c) => `Jag skickade tillbaka ${c.itemDef} till ${c.merchant} för över två veckor sedan, men fakturan på ${c.amountShort} ligger kvar. Jag har inlämningskvittot.`,
      (c) => `Returen av order ${c.order} är inte registrerad fast spårningen visar att paketet är levererat till handlaren.`,
      (c) => `Jag ångrade köpet inom ångerrätten och returnerade ${c.itemDef}. Varför får jag ändå en faktura på ${c.amountShort}?`,
    ],
    refund_missing: [
      (c) => `${c.merchant} har bekräftat att order ${c.order} är avbruten och att jag ska få tillbaka ${c.amountShort}, men ingen återbetalning har kommit.`,
      (c) => `Jag betalade ${c.amountShort} men ${c.itemDef} var slutsåld. Handlaren säger att pengarna är återförda till er. Var är min återbetalning?`,
      (c) => `Köpet hos ${c.merchant} är hävt sedan länge men jag har fortfarande inte fått tillbaka pengarna.`,
    ],
    invoice_dispute: [
      (c) => `Fakturan för ${c.order} är på ${c.amountShort}, men det stämmer inte med orderbekräftelsen. Jag har blivit debiterad för mycket.`,
      (c) => `Jag har fått två fakturor för samma köp hos ${c.merchant}. Jag betalar inte dubbelt.`,
      (c) => `Beloppet på fakturan från ${c.merchant} är fel. Rabattkoden drogs aldrig av.`,
    ],
    fees_and_reminders: [
      (c) => `Varför har ni lagt på en påminnelseavgift? Jag fick aldrig någon faktura för ${c.order}, den syntes inte i appen.`,
      () => `Fakturan hamnade i skräpposten och jag missade förfallodagen med några dagar. Nu har ni lagt på avgifter, det är orimligt.`,
      (c) => `Jag har fått en påminnelse med avgift för ${c.order}, men jag har aldrig fått själva fakturan.`,
    ],
    debt_collection: [
      (c) => `Jag har fått ett inkassokrav för ${c.order} fast jag har reklamerat köpet. Det här kan ge mig en betalningsanmärkning!`,
      () => `Varför har ärendet gått till inkasso? Jag har väntat på besked från er i flera veckor.`,
      (c) => `Inkassobolaget kräver mig på pengar för ${c.itemDef} som jag aldrig har fått.`,
    ],
    purchase_protection: [
      (c) => `Jag vill använda köpskyddet. ${c.itemDefCap} från ${c.merchant} kom fram i trasigt skick och handlaren vägrar ta tillbaka varan.`,
      () => `Handlaren har slutat svara och hemsidan är nere. Ni lovar köpskydd, hur gör jag för att använda det?`,
      (c) => `${c.itemDefCap} stämmer inte alls med beskrivningen på sajten. Jag vill göra en anmälan om köpskydd.`,
    ],
    fraud_identity: [
      (c) => `Jag har fått en faktura från er för ett köp hos ${c.merchant} som jag aldrig har gjort. Någon har använt mina uppgifter.`,
      (c) => `Köpet på ${c.amountShort} är inte mitt. Jag har aldrig handlat hos ${c.merchant} och tror att jag har blivit utsatt för id-kapning.`,
    ],
    credit_decision: [
      (c) => `Jag fick avslag på delbetalning hos ${c.merchant} och nu står det en kreditupplysning på mig. Varför?`,
      (c) => `Min kreditgräns sänktes utan förvarning och köpet på ${c.amountShort} nekades. Jag vill veta varför.`,
    ],
    customer_service_conduct: [
      (c) => `Det här är fjärde gången jag hör av mig om ${c.order}. Förra handläggaren lade på luren.`,
      () => `Jag blev otrevligt bemött i chatten igår och ingen har återkommit som utlovat.`,
      () => `Jag har frågat om jag kan vända mig till ARN men ingen vill svara på det.`,
    ],
    data_protection: [
      () => `Jag begärde ett registerutdrag enligt GDPR för en månad sedan och har inte fått något.`,
      () => `Jag vill att ni raderar mina uppgifter och bekräftar det skriftligt. Ni har dessutom skickat min faktura till fel e-postadress.`,
    ],
  },
  purpose: {
    status: [
      (c) => `Hej igen. Jag har fortfarande inte hört något om ${c.order}. Vad händer?`,
      (c) => `Det här är ${c.count}:e gången jag hör av mig om samma sak. Har handlaren svarat?`,
      () => `Ni lovade att återkomma men ingen har hört av sig.`,
      (c) => `Jag vill bara veta hur det går med reklamationen av ${c.itemDef}.`,
    ],
    reminder: [
      (c) => `Nu har jag fått en påminnelse på ${c.amountShort} trots att ärendet är under utredning!`,
      () => `Varför får jag påminnelser när ni sa att fakturan var pausad?`,
    ],
    refund: [
      () => `Ni lovade att pengarna skulle komma inom en vecka. Det har gått mycket längre och jag har inte fått något.`,
      (c) => `Var är min återbetalning på ${c.money}? Jag har väntat i flera veckor.`,
    ],
    collection: [
      (c) => `Jag har fått brev från ${c.agency}. Hur kan det gå till inkasso när reklamationen inte är klar?`,
      () => `Jag har fått ett inkassokrav! Jag har ju reklamerat köpet och ni sa att jag inte behövde betala.`,
    ],
    pause_ending: [
      () => `Pausen på fakturan går ut i morgon och jag har fortfarande inte fått något besked.`,
      () => `Fakturan förfaller snart igen. Ska jag betala eller inte?`,
    ],
    paid_anyway: [
      () => `Jag vågar inte vänta längre, så jag betalar för att slippa inkasso. Men jag vill ha pengarna tillbaka om handlaren inte löser det.`,
      () => `Jag har betalat fakturan nu eftersom jag inte vill få en betalningsanmärkning. Reklamationen står kvar.`,
    ],
  },
  action: {
    pause: [
      (c) => `Jag förstår. Jag pausar fakturan i ${c.days} dagar medan vi utreder ärendet med handlaren, så du behöver inte betala just nu.`,
      (c) => `Jag har pausat fakturan i ${c.days} dagar och skickat ärendet vidare till vår utredningsavdelning.`,
    ],
    investigate: [
      () => `Jag har skickat ärendet till utredning. Du får besked via mejl så snart vi vet mer.`,
      () => `Vi har kontaktat handlaren och inväntar svar. Handlaren har normalt 21 dagar på sig att svara.`,
    ],
    tech: [
      () => `Tyvärr har vi ett tekniskt fel i systemet just nu, så jag kan inte se ditt ärende. Försök igen om några dagar.`,
      () => `Det verkar ha blivit ett tekniskt fel och ärendet har fastnat. Jag har gjort en felanmälan.`,
      () => `Jag ber om ursäkt, vi har tekniska problem och jag kan inte göra några ändringar på fakturan idag.`,
    ],
    promise_refund: [
      (c) => `Jag ser att handlaren har godkänt det. Återbetalningen på ${c.money} kommer inom 5–7 bankdagar.`,
      (c) => `Du kommer att få tillbaka ${c.money} inom ${c.days} dagar, det lovar jag.`,
    ],
    callback: [
      () => `Jag tar upp det här med min chef och ringer upp dig inom 48 timmar.`,
      () => `En specialist kommer att kontakta dig inom två arbetsdagar.`,
    ],
    merchant_wait: [
      (c) => `Vi väntar fortfarande på svar från ${c.merchant}. Det finns inget mer jag kan göra innan de har svarat.`,
      () => `Handlaren har inte svarat ännu. Jag har skickat en påminnelse till dem.`,
    ],
    circle: [
      () => `Jag upplever att samtalet går runt i cirklar. Jag kommer att avsluta ärendet nu.`,
      () => `Vi har redan gett dig vårt besked och jag kan inte hjälpa dig vidare. Jag avslutar chatten.`,
    ],
    pay_anyway: [
      () => `Jag rekommenderar att du betalar fakturan för att undvika inkasso. Om handlaren ger dig rätt får du pengarna tillbaka.`,
      () => `Tyvärr kan jag inte pausa fakturan längre. Betala gärna för att slippa avgifter.`,
    ],
    explain: [
      () => `Handlaren har skickat leveransbevis som visar att paketet har kvitterats ut med BankID. Därför kvarstår fakturan.`,
      () => `Påminnelseavgiften är korrekt enligt villkoren eftersom fakturan förföll innan du kontaktade oss.`,
      () => `Beloppet motsvarar ordern enligt handlarens underlag, så fakturan är korrekt.`,
    ],
    form: [
      () => `För att gå vidare behöver du fylla i vårt återbetalningsformulär med namn, personnummer, kontonummer och ordernummer.`,
      () => `Kan du skicka in kvittot och en skärmbild av ordern via formuläret på vår webbplats?`,
    ],
    extend: [
      (c) => `Jag har förlängt pausen med ${c.days} dagar eftersom handlaren fortfarande inte har svarat.`,
      (c) => `Inga problem, jag skjuter upp förfallodagen ${c.days} dagar till.`,
    ],
    resolved: [
      () => `Handlaren har bekräftat ärendet och fakturan justeras. Du behöver inte göra något mer.`,
      () => `Allt är klart från vår sida nu. Du får en bekräftelse via mejl.`,
    ],
  },
  nonPurchase: {
    status: [
      () => `Hej igen. Jag har fortfarande inte fått något svar på min begäran.`,
      (c) => `Det här är ${c.count}:e gången jag hör av mig om samma sak. När får jag ett svar?`,
      () => `Ni lovade att återkomma men ingen har hört av sig.`,
    ],
    investigate: [
      () => `Jag har skickat ärendet vidare till rätt avdelning. Du får besked via mejl så snart vi vet mer.`,
      () => `Ärendet ligger hos specialistavdelningen. De återkommer till dig.`,
    ],
  },
  explain: {
    delivery: [
      () => `Handlaren har skickat leveransbevis som visar att paketet har kvitterats ut med BankID. Därför kvarstår fakturan.`,
      () => `Enligt spårningen hämtades paketet ut på ditt ombud. Vi kan därför inte godkänna reklamationen.`,
    ],
    return: [
      () => `Handlaren har inte registrerat någon retur, och utan inlämningskvitto kan vi tyvärr inte kreditera fakturan.`,
      () => `Returen kom in efter ångerrättens 14 dagar, så handlaren godkänner den inte.`,
    ],
    fees: [
      () => `Påminnelseavgiften är korrekt enligt villkoren eftersom fakturan förföll innan du kontaktade oss.`,
      () => `Fakturan skickades till din e-postadress och fanns i appen, så avgiften kvarstår.`,
    ],
    amount: [
      () => `Beloppet motsvarar ordern enligt handlarens underlag, så fakturan är korrekt.`,
      () => `Enligt handlaren gällde rabattkoden inte de varor du köpte.`,
    ],
    credit: [
      () => `Kreditbeslutet fattas automatiskt utifrån kreditupplysningen och din betalningshistorik. Vi kan inte ändra det i efterhand.`,
      () => `Kreditgränsen justerades efter vår regelbundna kreditprövning enligt villkoren.`,
    ],
    data: [
      () => `Din begäran om registerutdrag är registrerad och hanteras av dataskyddsteamet inom en månad.`,
      () => `Vi kan inte radera uppgifterna så länge det finns en obetald faktura.`,
    ],
  },
  reaction: [
    () => `Okej, tack.`,
    () => `Men det här har ni sagt förut!`,
    () => `Kan jag få det skriftligt?`,
    () => `Det här är inte acceptabelt.`,
    () => `Hur lång tid tar det?`,
    () => `Okej. Jag hoppas verkligen att det löser sig nu.`,
    () => `Jag vill prata med någon som kan fatta beslut.`,
  ],
  closing: [
    () => `Tack för att du hörde av dig, ha en fin dag!`,
    () => `Är det något mer jag kan hjälpa till med?`,
    () => `Du hittar ärendet i appen under Hjälp.`,
  ],
  mailFromCustomer: (c, text) => `Hej,\n\n${text}${sign(c)}`,
  mailFromAgent: (c, text) => `Hej ${c.first},\n\n${text}\n\nMed vänliga hälsningar\n${c.agent}\nKundservice`,
  categoryLabel: {
    undelivered_goods: 'kunden anmäler utebliven leverans',
    return_not_registered: 'kunden uppger att returen inte registrerats',
    refund_missing: 'kunden saknar återbetalning',
    invoice_dispute: 'kunden bestrider fakturabeloppet',
    fees_and_reminders: 'kunden ifrågasätter avgifter',
    debt_collection: 'kunden har fått inkassokrav',
    purchase_protection: 'kunden vill använda köpskyddet',
    fraud_identity: 'kunden bestrider köpet som obehörigt',
    credit_decision: 'kunden ifrågasätter kreditbeslut',
    customer_service_conduct: 'kunden klagar på bemötandet',
    data_protection: 'kunden begär registerutdrag',
  },
  purposeLabel: {
    status: 'kunden frågar efter status',
    reminder: 'påminnelse under pågående ärende',
    refund: 'kunden saknar utlovad återbetalning',
    collection: 'kunden har fått inkassokrav',
    pause_ending: 'pausen går ut',
    paid_anyway: 'kunden betalar för att undvika inkasso',
  },
  actionLabel: {
    pause: (c) => `fakturan pausas ${c.days} dagar`,
    investigate: () => 'skickat till utredning',
    tech: () => 'hänvisar till tekniskt fel',
    promise_refund: () => 'återbetalning utlovas',
    callback: () => 'återuppringning utlovas',
    merchant_wait: () => 'väntar på handlaren',
    circle: () => 'agenten avslutar kontakten',
    pay_anyway: () => 'kunden rekommenderas att betala',
    explain: () => 'agenten förklarar beslutet',
    form: () => 'kunden ombeds fylla i formulär',
    extend: (c) => `pausen förlängs ${c.days} dagar`,
    resolved: () => 'löst enligt kundservice',
  },
  contactSummary: (channel, what, action) => (action ? `${channel}: ${what} – ${action}` : `${channel} från kunden: ${what}`),

  invoiceIssued: {
    summary: (c) => `Faktura skickad: ${c.order}, ${c.amount}`,
    body: {
      invoice: (c) => `Faktura för köp hos ${c.merchant} (${c.order}). Belopp ${c.amount}. Förfallodag ${c.date}. Betala i appen eller via bankgiro.`,
      pay_later: (c) => `Betala senare: ${c.amount} för köp hos ${c.merchant} (${c.order}), att betala senast ${c.date}.`,
      part_payment: (c) => `Köpet på ${c.amount} hos ${c.merchant} (${c.order}) har lagts på ditt delbetalningskonto. Första månadsavin förfaller ${c.date}.`,
      card: (c) => `Kortköp hos ${c.merchant} på ${c.amount} (${c.order}). Beloppet kommer med på månadsfakturan som förfaller ${c.date}.`,
    },
  },
  paused: {
    summary: (c) => `Fakturan pausad ${c.days} dagar`,
    body: (c) => `Fakturan för ${c.order} pausades i ${c.days} dagar på grund av pågående ärende. Ny förfallodag ${c.date}.`,
  },
  extended: {
    summary: (c) => `Pausen förlängd ${c.days} dagar`,
    body: (c) => `Pausen för ${c.order} förlängdes med ${c.days} dagar. Ny förfallodag ${c.date}.`,
  },
  resumed: {
    summary: () => `Pausen upphävd, fakturan aktiv igen`,
    body: (c) => `Fakturan för ${c.order} är aktiv igen. Förfallodag ${c.date}.`,
  },
  reminder: {
    summary: (c) => `Betalningspåminnelse: ${c.order}`,
    body: (c) => `Påminnelse. Obetalt belopp ${c.money}. Betala senast ${c.date} för att undvika inkasso.`,
  },
  reminderFee: {
    summary: (c) => `Påminnelseavgift ${c.money}`,
    body: (c) => `En påminnelseavgift på ${c.money} har lagts till fakturan för ${c.order}.`,
  },
  lateFee: {
    summary: (c) => `Förseningsavgift ${c.money}`,
    body: (c) => `En förseningsavgift på ${c.money} har debiterats för ${c.order}.`,
  },
  collection: {
    summary: (c) => `Överlämnad till inkasso (${c.agency})`,
    body: (c) => `Fakturan för ${c.order} har överlämnats till ${c.agency}. Krav inklusive avgifter: ${c.money}. Inkassokrav skickat till kunden.`,
  },
  payment: {
    summary: (c) => `Betalning mottagen ${c.money}`,
    body: (c) => `Betalning på ${c.money} registrerad för ${c.order}.`,
  },
  refund: {
    summary: (c) => `Återbetalning ${c.money}`,
    body: (c) => `Återbetalning på ${c.money} har gjorts till kundens konto för ${c.order}.`,
  },
  credit: {
    summary: (c) => `Fakturan krediterad ${c.money}`,
    body: (c) => `Fakturan för ${c.order} har krediterats med ${c.money}. Kunden har inget kvar att betala.`,
  },
  creditPartial: {
    summary: (c) => `Delkreditering ${c.money}`,
    body: (c) => `Fakturan för ${c.order} har krediterats med ${c.money}. Kvar att betala: ${c.rest}.`,
  },
  creditDenied: {
    summary: () => `Besked om kreditprövning: avslag`,
    body: (c) => `Din ansökan om delbetalning hos ${c.merchant} på ${c.amount} har inte beviljats efter kreditprövning. En kreditupplysning har tagits.`,
  },

  disputeOpened: {
    non_delivery: 'Reklamation öppnad: utebliven leverans',
    return: 'Reklamation öppnad: retur ej registrerad',
    fraud: 'Utredning öppnad: misstänkt obehörigt köp',
    wrong_amount: 'Reklamation öppnad: felaktigt belopp',
    defect: 'Reklamation öppnad: felaktig vara',
  },
  disputeOpenedBody: (c) => `Ärende öppnat mot ${c.merchant} för ${c.order}. Handlaren har 21 dagar på sig att svara.`,
  merchantRequest: {
    summary: () => `Begäran om underlag skickad till handlaren`,
    body: (c) => `Vi har begärt leveransbevis och returinformation från ${c.merchant} för ${c.order}. Svar senast ${c.date}.`,
  },
  merchantReply: {
    delivered: {
      summary: () => `Handlaren svarar: varan levererad`,
      body: (c) => `${c.merchant}: Paketet levererades till ombud och kvitterades ut. Spårningsnummer ${c.ref}. Vi godkänner inte reklamationen.`,
    },
    no_return: {
      summary: () => `Handlaren svarar: returen har inte kommit in`,
      body: (c) => `${c.merchant}: Vi har inte tagit emot någon retur för ${c.order}. Kunden får gärna skicka inlämningskvitto.`,
    },
    accepts: {
      summary: () => `Handlaren godkänner reklamationen`,
      body: (c) => `${c.merchant}: Vi bekräftar att ${c.order} krediteras med ${c.money}.`,
    },
    partial: {
      summary: () => `Handlaren erbjuder prisavdrag`,
      body: (c) => `${c.merchant}: Vi erbjuder ett prisavdrag på ${c.money} för ${c.order}. I övrigt godkänns inte reklamationen.`,
    },
  },
  disputeClosed: {
    merchant_no_response: {
      summary: () => `Reklamationen stängd: handlaren har inte svarat`,
      body: (c) => `Handlaren har inte svarat inom 21 dagar. Ärendet för ${c.order} stängs och fakturan återaktiveras.`,
    },
    in_customer_favour: {
      summary: () => `Reklamationen avslutad till kundens fördel`,
      body: (c) => `Reklamationen för ${c.order} är avslutad. Kunden får rätt och ${c.money} krediteras.`,
    },
    in_merchant_favour: {
      summary: () => `Reklamationen avslutad: handlarens underlag godtas`,
      body: (c) => `Handlarens underlag för ${c.order} bedöms tillräckligt. Fakturan kvarstår.`,
    },
    partial: {
      summary: () => `Reklamationen avslutad med delvis kreditering`,
      body: (c) => `Reklamationen för ${c.order} avslutas med kreditering av ${c.money}. Resterande belopp kvarstår.`,
    },
  },
  protectionClaim: {
    summary: () => `Anmälan om köpskydd`,
    body: (c) => `Kunden har anmält köpet (${c.order}, ${c.amount}) till köpskyddet. Skäl: varan motsvarar inte beskrivningen och handlaren svarar inte.`,
  },

  orderConfirmation: {
    summary: (c) => `Orderbekräftelse från ${c.merchant}`,
    body: (c) => `Kunden har laddat upp orderbekräftelsen för ${c.order}.`,
    pdf: (c) => [`Orderbekräftelse`, c.merchant, `Order: ${c.order}`, `Orderdatum: ${c.purchased}`, `Totalt: ${c.amount}`, `Betalsätt: faktura`],
  },
  returnReceipt: {
    summary: () => `Inlämningskvitto för retur`,
    body: (c) => `Kunden har skickat in inlämningskvitto för returen till ${c.merchant} (kolli-id ${c.ref}).`,
    pdf: (c) => [`Inlämningskvitto`, `Kolli-id: ${c.ref}`, `Mottagare: ${c.merchant}`, `Avser order: ${c.order}`, `Inlämnat: ${c.date}`],
  },
  policeReport: {
    summary: () => `Polisanmälan om bedrägeri`,
    body: (c) => `Kunden har skickat in kopia av polisanmälan (diarienummer ${c.ref}) om obehörigt köp hos ${c.merchant}.`,
    pdf: (c) => [`Polisanmälan - kopia`, `Diarienummer: ${c.ref}`, `Brottstyp: bedrägeri`, `Avser köp: ${c.order}, ${c.merchant}`],
  },
  merchantConfirmation: {
    summary: () => `Handlarens bekräftelse på avbeställning`,
    body: (c) => `Kunden vidarebefordrar mejl från ${c.merchant} där avbeställningen av ${c.order} bekräftas och återbetalning utlovas.`,
  },
  screenshot: {
    summary: () => `Skärmbild från appen`,
    body: () => `Kunden har skickat en skärmbild från appen som visar fakturans status.`,
  },
  terms: { fileName: 'allmanna-villkor-kopskydd.pdf', lines: ['Allmänna villkor för köpskydd', 'Gäller från 1 januari', 'Köpskyddet gäller om varan inte levereras eller väsentligt avviker från beskrivningen.'] },

  fileNames: { orderConfirmation: 'orderbekraftelse', returnReceipt: 'inlamningskvitto', policeReport: 'polisanmalan', decision: 'beslut', screenshot: 'skarmbild' },

  complaint: {
    summary: () => `Formellt klagomål från kunden`,
    body: (c) =>
      c.count > 2
        ? `Hej,\n\nJag vill lämna ett formellt klagomål gällande ${c.order} hos ${c.merchant}. Jag har varit i kontakt med er ${c.count} gånger utan att få en lösning. Jag vill ha ett skriftligt svar på mitt klagomål.${sign(c)}`
        : `Hej,\n\nJag är inte nöjd med hur mitt ärende om ${c.order} har hanterats och vill att ni behandlar detta som ett klagomål. Jag vill ha ett skriftligt svar.${sign(c)}`,
  },
  holdingReply: {
    summary: () => `Besked om förlängd handläggningstid`,
    body: (c) => `Hej ${c.first},\n\nVi har tagit emot ditt klagomål men behöver mer tid för att utreda det. Du får ett slutligt svar senast ${c.date}.\n\nMed vänliga hälsningar\nKundservice, klagomålshantering`,
  },
  finalAnswerSummary: {
    rejected: 'Slutligt svar från kundservice: klagomålet avslås',
    rejected_no_response: 'Slutligt svar från kundservice: klagomålet avslås',
    partly: 'Slutligt svar från kundservice: delvis tillmötesgående',
    upheld: 'Slutligt svar från kundservice: kunden får rätt',
    refund_pending: 'Slutligt svar från kundservice: återbetalning beställd',
  },
  finalAnswerText: {
    rejected: [
      () => `Vi har gått igenom ärendet och handlarens underlag. Vi bedömer att fakturan är korrekt och den kvarstår.`,
      () => `Efter utredning finner vi inte skäl att kreditera fakturan. Handlaren har visat att köpet är korrekt genomfört.`,
    ],
    rejected_no_response: [
      () => `Eftersom handlaren inte har kunnat nås har reklamationen avslutats och fakturan ska betalas.`,
      () => `Handlaren har inte besvarat vår förfrågan inom 21 dagar. Ärendet är därför stängt och fakturan kvarstår.`,
    ],
    partly: [
      (c) => `Vi tar bort påminnelseavgifterna som en gest, men fakturan på ${c.amountShort} kvarstår.`,
      () => `Vi krediterar avgifterna men bedömer i övrigt att fakturan är korrekt.`,
    ],
    upheld: [
      (c) => `Vi beklagar dröjsmålet. Återbetalningen på ${c.money} är nu registrerad.`,
      () => `Vi ger dig rätt i sak och fakturan är krediterad. Vi kan dock inte ersätta övriga kostnader.`,
    ],
    refund_pending: [
      () => `Återbetalningen är beställd och kommer att synas på ditt konto inom kort. Vi ber om ursäkt för dröjsmålet.`,
    ],
  },
  finalAnswerRefusal: {
    credit_decision: [
      () => `Kreditprövningen har gjorts enligt våra riktlinjer och beslutet står fast. Kreditupplysningen är korrekt registrerad och kan inte tas bort.`,
    ],
    data_protection: [
      () => `Vi har nu skickat ditt registerutdrag. Uppgifterna om din faktura är korrekta och behöver inte rättas.`,
    ],
    customer_service_conduct: [
      () => `Vi beklagar att du upplevde bemötandet som dåligt. Vi har gått igenom kontakterna och ser inga fel i sak i hanteringen av ditt ärende.`,
    ],
  },
  finalAnswer: (c, decision) =>
    `Hej ${c.first},\n\nTack för ditt klagomål gällande ${c.order}. ${decision}\n\nOm du inte är nöjd med vårt svar kan du vända dig till vårt kundombud, som gör en oberoende granskning av ärendet.\n\nMed vänliga hälsningar\nKundservice, klagomålshantering`,

  escalationSummary: [
    () => `Kunden begär att kundombudet granskar ärendet`,
    (c) => `Klagomål till kundombudet om köp hos ${c.merchant}`,
    () => `Överklagande av kundservice slutliga svar`,
  ],
  escalationIntro: [
    () => `Hej,\n\nJag vill att kundombudet granskar mitt ärende, eftersom jag inte är nöjd med kundservice slutliga svar.`,
    () => `Hej Kundombudet,\n\nJag hänvisades till er av kundservice och vill överklaga deras beslut.`,
    () => `Hej,\n\nJag har försökt lösa det här med kundservice i flera månader utan resultat och vänder mig nu till er.`,
  ],
  escalationBackground: {
    purchase: (c) => `Jag köpte ${c.item} från ${c.merchant} den ${c.purchased} (order ${c.order}, ${c.amountShort}).`,
    fraud: (c) => `Den ${c.purchased} registrerades ett köp i mitt namn hos ${c.merchant} (order ${c.order}, ${c.amountShort}) som jag inte har gjort.`,
    credit: (c) => `Den ${c.purchased} ansökte jag om delbetalning för ett köp på ${c.amountShort} hos ${c.merchant} (order ${c.order}).`,
  },
  escalationFlag: {
    repeatedContacts: (c) => `Jag har kontaktat kundservice ${c.count} gånger om samma köp utan att få något riktigt besked.`,
    repeatedPauses: () => `Fakturan har pausats om och om igen, men ingen har faktiskt löst problemet.`,
    collectionDuringDispute: () => `Trots att reklamationen pågick fick jag påminnelser, avgifter och till slut ett inkassokrav.`,
    paidDuringDispute: (c) => `Jag betalade till slut ${c.money} för att slippa inkasso, trots att ärendet inte var löst.`,
    merchantNoResponse: () => `Efter 21 dagar fick jag beskedet att handlaren inte hade svarat och att ärendet därför stängts. Det är väl inte mitt fel?`,
    refundNotMade: (c) => `Jag blev lovad en återbetalning den ${c.date} men har fortfarande inte fått några pengar.`,
    technicalError: () => `Varje gång jag hör av mig säger de att det är ett tekniskt fel.`,
    lateFinalAnswer: (c) => `Det tog över ${c.count} veckor att få ett svar på mitt klagomål.`,
  },
  escalationAnswer: (c) => `Kundservice slutliga svar kom den ${c.date} och jag godtar det inte.`,
  escalationClaims: 'Mina krav:',
  escalationClosing: (c) => `Jag bifogar det jag har. Hör av er om ni behöver mer information.\n\nMed vänlig hälsning\n${c.name}\n${c.email}`,

  claim: {
    refundUnpaid: (c) => `Jag kräver att fakturan på ${c.amountShort} för ${c.order} krediteras i sin helhet.`,
    refundPaid: (c) => `Jag kräver att få tillbaka de ${c.money} som jag har betalat.`,
    refundRest: (c) => `Jag kräver att resterande ${c.money} på fakturan för ${c.order} krediteras.`,
    reverse: (c) => `Jag kräver att resterande ${c.money} för ${c.order} återbetalas respektive krediteras, så att köpet hävs helt.`,
    fees: (c) => `Jag kräver att påminnelse- och inkassoavgifterna på totalt ${c.money} tas bort.`,
    interest: (c) => `Jag kräver att räntan på ${c.money} som debiterats under reklamationstiden stryks.`,
    compensation: (c) => `Jag kräver ersättning med ${c.money} för den tid och det besvär ärendet har orsakat.`,
    credit: () => `Jag kräver att inkassoärendet dras tillbaka och att ingen betalningsanmärkning registreras.`,
    creditDecision: () => `Jag kräver att kreditupplysningen tas bort och att kreditbeslutet omprövas.`,
    overcharge: (c) => `Jag kräver att fakturan för ${c.order} sänks med ${c.money} till det belopp jag faktiskt har beställt.`,
    apology: () => `Jag vill ha en skriftlig ursäkt för hur jag har blivit bemött av kundservice.`,
    data: () => `Jag kräver ett fullständigt registerutdrag och att felaktiga uppgifter rättas.`,
  },
  caseSummary: {
    undelivered_goods: (c) => `Utebliven leverans från ${c.merchant}; faktura ${c.amountShort} (${c.order})`,
    return_not_registered: (c) => `Retur till ${c.merchant} ej registrerad; kunden bestrider fakturan på ${c.amountShort}`,
    refund_missing: (c) => `Återbetalning på ${c.amountShort} för köp hos ${c.merchant} har inte gjorts`,
    invoice_dispute: (c) => `Kunden bestrider beloppet på fakturan från ${c.merchant} (${c.amountShort})`,
    fees_and_reminders: (c) => `Påminnelseavgifter på faktura för köp hos ${c.merchant} ifrågasätts`,
    debt_collection: (c) => `Köp hos ${c.merchant} har gått till inkasso; kunden bestrider kravet`,
    purchase_protection: (c) => `Köpskydd nekat för köp hos ${c.merchant} (${c.amountShort})`,
    fraud_identity: (c) => `Kunden bestrider köp hos ${c.merchant} som obehörigt (id-kapning)`,
    credit_decision: (c) => `Kunden ifrågasätter kreditbeslut vid köp hos ${c.merchant}`,
    customer_service_conduct: (c) => `Klagomål på kundservice bemötande i ärende om köp hos ${c.merchant}`,
    data_protection: () => `Begäran om registerutdrag och rättelse har inte besvarats`,
  },
  flagClause: {
    repeatedContacts: 'upprepade kontakter utan lösning',
    repeatedPauses: 'fakturan pausad gång på gång',
    collectionDuringDispute: 'påminnelser och inkasso under reklamation',
    paidDuringDispute: 'kunden betalade under pågående reklamation',
    merchantNoResponse: 'reklamationen stängd då handlaren inte svarat',
    refundNotMade: 'utlovad återbetalning uteblev',
    technicalError: 'hänvisning till tekniskt fel',
    lateFinalAnswer: 'sent slutligt svar',
  },

  statusLabel: {
    received: 'Mottaget',
    acknowledged: 'Bekräftat',
    in_review: 'Under utredning',
    waiting_for_customer: 'Väntar på kund',
    decision_drafted: 'Beslutsutkast',
    decision_issued: 'Beslut meddelat',
    closed: 'Avslutat',
  },
  ackLetter: {
    summary: () => `Mottagningsbekräftelse skickad till kunden`,
    body: (c) => `Hej ${c.first},\n\nVi har tagit emot ditt klagomål och registrerat det under ärendenummer ${c.caseNo}. Kundombudet granskar ärendet självständigt från kundservice. Vi återkommer så snart vi har gått igenom ärendet.\n\nMed vänliga hälsningar\nKundombudets kansli`,
  },
  assignment: (c) => `Ärendet tilldelat ${c.person}`,
  statusChange: (from, to) => `Status ändrad: ${from} → ${to}`,
  noteGeneral: [
    () => `Begärt samtalsinspelningar och chattloggar från kundservice för hela perioden.`,
    (c) => `Begärt handlarens underlag från ${c.merchant} via kundservice.`,
    () => `Gått igenom fakturahistoriken och kundens bilagor.`,
  ],
  noteFlag: {
    repeatedContacts: (c) => `Kunden har kontaktat kundservice ${c.count} gånger om samma köp utan att ärendet lösts.`,
    repeatedPauses: () => `Fakturan har pausats och förlängts upprepade gånger utan att någon utredning syns i historiken.`,
    collectionDuringDispute: () => `Påminnelser och avgifter skickades medan reklamationen var öppen. Ska utredas.`,
    paidDuringDispute: () => `Kunden betalade under pågående reklamation för att undvika inkasso.`,
    merchantNoResponse: () => `Reklamationen stängdes efter 21 dagar enbart för att handlaren inte svarade.`,
    refundNotMade: () => `Återbetalning utlovades i kontakt med kundservice men ingen återbetalning finns registrerad.`,
    technicalError: () => `Agenterna har hänvisat till tekniskt fel vid flera tillfällen.`,
    lateFinalAnswer: () => `Kundservice slutliga svar kom efter mer än 15 bankdagar.`,
  },
  noteClean: {
    general: [
      () => `Kundservice hantering ser korrekt ut och stöds av underlaget i historiken.`,
      () => `Inget avvikande i historiken. Kundservice svar var i tid och i sak korrekt.`,
    ],
    fees: [() => `Avgifterna är debiterade enligt villkoren. Inget avvikande i historiken.`],
  },
  noteSettled: [
    () => `Kunden har återkallat klagomålet efter att kundservice erbjudit en lösning. Ärendet avslutas utan beslut.`,
    () => `Parterna har kommit överens (förlikning). Ärendet avslutas utan beslut.`,
  ],
  infoRequest: {
    summary: () => `Begäran om komplettering skickad till kunden`,
    body: (c) => `Hej ${c.first},\n\nFör att kunna granska ditt ärende behöver vi ${c.ref}. Svara gärna senast ${c.date}.\n\nMed vänliga hälsningar\n${c.person}\nKundombudets kansli`,
  },
  infoWhat: [
    () => `en kopia av inlämningskvittot för returen`,
    () => `ett kontoutdrag som visar din betalning`,
    (c) => `den korrespondens du har haft med ${c.merchant}`,
    () => `skärmbilder från appen som visar fakturans status`,
  ],
  customerReply: {
    summary: () => `Komplettering från kunden`,
    body: (c) => `Hej,\n\nHär kommer de uppgifter ni bad om.${sign(c)}`,
  },
  decisionLabel: { upheld: 'Yrkandet bifalls', partly_upheld: 'Yrkandet bifalls delvis', not_upheld: 'Yrkandet avslås' },
  decisionRemedy: {
    upheld: (c) => `${c.money} återbetalas eller krediteras inom 10 bankdagar, och avgifterna tas bort.`,
    partly_upheld: (c) => `Avgifterna på ${c.money} tas bort. Fakturan kvarstår i övrigt.`,
    not_upheld: () => `Kundombudet finner inte skäl att ändra kundservice beslut.`,
  },
  draftNote: (c, label, remedy) => `Utkast till beslut i ${c.caseNo}: ${label}. ${remedy} Skickat till kundombudet för granskning.`,
  decisionBody: (c, label, remedy) =>
    `Kundombudet har fattat beslut i ärende ${c.caseNo}: ${label}. ${remedy}\n\nBeslutet är bolagets slutliga ställningstagande.`,
  decisionPdf: (c, label, remedy) => [`Beslut ${c.caseNo}`, `Kund: ${c.name}`, `${label}.`, remedy, `${c.person}, Kundombud`],
  decisionLetter: {
    summary: () => `Beslutet skickat till kunden`,
    body: (c) => `Beslutsbrevet har skickats till ${c.email}. Kunden har informerats om möjligheten att vända sig till Allmänna reklamationsnämnden (ARN) inom ett år från det första klagomålet, till allmän domstol eller till Konsumenternas Bank- och finansbyrå.`,
  },
};
