import type { LanguagePack, TextCtx } from './text';

/** English: Swedish-market customers who write in English, answered in English. */

const sign = (c: TextCtx) => `\n\nKind regards\n${c.name}`;

export const en: LanguagePack = {
  customerRole: 'Customer',
  agentRole: (c) => `${c.agent} (customer service)`,
  actor: {
    billing: 'Billing',
    collection: 'Debt collection',
    investigation: 'Investigations team',
    complaints: 'Customer service, complaints',
    credit: 'Credit department',
    office: "Customer Ombudsman's office",
  },
  agencies: ['Nordkredit Inkasso AB', 'Svea Fordran AB', 'Kravhuset i Norden AB'],
  channel: { chat: 'Chat', call: 'Call', email: 'E-mail' },
  callHeader: (c) => `Recorded call, ${c.days} min. Summary transcript.\n`,

  greeting: [
    (c) => `Hi ${c.first}! You are speaking with ${c.agent} from customer service. How can I help you today?`,
    (c) => `Hello ${c.first}, this is ${c.agent} from customer service. What is your question about?`,
    () => `Hi and welcome to customer service! How can I help?`,
  ],
  problem: {
    undelivered_goods: [
      (c) => `I ordered ${c.item} from ${c.merchant} on ${c.purchased} but nothing has arrived. Now I have an invoice for ${c.amountShort}.`,
      (c) => `${c.itemDefCap} from ${c.merchant} never arrived. Tracking has not moved for two weeks. Why should I pay ${c.amountShort} for something I never got?`,
      (c) => `Order ${c.order} was never delivered. The shop does not answer e-mails and the invoice is due soon.`,
    ],
    return_not_registered: [
      (c) => `I sent ${c.itemDef} back to ${c.merchant} more than two weeks ago, but the invoice for ${c.amountShort} is still there. I have the drop-off receipt.`,
      (c) => `The return of order ${c.order} is not registered although tracking shows the parcel was delivered to the shop.`,
    ],
    refund_missing: [
      (c) => `${c.merchant} confirmed that order ${c.order} is cancelled and that I will get ${c.amountShort} back, but no refund has come.`,
      (c) => `I paid ${c.amountShort} but ${c.itemDef} was sold out. The shop says the money was returned to you. Where is my refund?`,
    ],
    invoice_dispute: [
      (c) => `The invoice for ${c.order} is ${c.amountShort}, which does not match the order confirmation. I have been overcharged.`,
      (c) => `I received two invoices for the same purchase from ${c.merchant}. I will not pay twice.`,
    ],
    fees_and_reminders: [
      (c) => `Why did you add a reminder fee? I never received an invoice for ${c.order}, it never showed in the app.`,
      () => `The invoice ended up in my spam folder and I missed the due date by a few days. Now you have added fees, which is unreasonable.`,
    ],
    debt_collection: [
      (c) => `I received a debt collection letter for ${c.order} although I disputed the purchase. This could give me a payment default record!`,
      () => `Why has this gone to debt collection? I have been waiting for an answer from you for weeks.`,
    ],
    purchase_protection: [
      (c) => `I want to use the purchase protection. ${c.itemDefCap} from ${c.merchant} arrived damaged and the shop refuses to take it back.`,
      () => `The shop has stopped answering and the website is down. You promise purchase protection, how do I use it?`,
    ],
    fraud_identity: [
      (c) => `I received an invoice from you for a purchase at ${c.merchant} that I never made. Someone has used my details.`,
      (c) => `The purchase of ${c.amountShort} is not mine. I have never shopped at ${c.merchant}; I think my identity was stolen.`,
    ],
    credit_decision: [
      (c) => `My part-payment application at ${c.merchant} was declined and now there is a credit check on my record. Why?`,
    ],
    customer_service_conduct: [
      (c) => `This is the fourth time I contact you about ${c.order}. The last agent hung up on me.`,
      () => `I asked whether I can take this to ARN but nobody will answer that question.`,
    ],
    data_protection: [
      () => `I asked for a copy of my personal data under the GDPR a month ago and have received nothing.`,
    ],
  },
  purpose: {
    status: [
      (c) => `Hello again. I still have not heard anything about ${c.order}. What is happening?`,
      (c) => `This is contact number ${c.count} about the same thing. Has the shop answered?`,
      () => `You promised to get back to me but nobody did.`,
    ],
    reminder: [
      (c) => `Now I got a reminder for ${c.amountShort} although the case is under investigation!`,
      () => `Why am I getting reminders when you told me the invoice was paused?`,
    ],
    refund: [
      () => `You promised the money within a week. It has been much longer and I have received nothing.`,
      (c) => `Where is my refund of ${c.money}? I have been waiting for weeks.`,
    ],
    collection: [
      (c) => `I got a letter from ${c.agency}. How can this go to debt collection while the dispute is open?`,
    ],
    pause_ending: [
      () => `The pause on the invoice ends tomorrow and I still have no answer.`,
      () => `The invoice is due again soon. Should I pay or not?`,
    ],
    paid_anyway: [
      () => `I do not dare to wait any longer, so I am paying to avoid debt collection. But I want the money back if the shop does not sort this out.`,
    ],
  },
  action: {
    pause: [
      (c) => `I understand. I am pausing the invoice for ${c.days} days while we investigate with the shop, so you do not need to pay now.`,
      (c) => `I have paused the invoice for ${c.days} days and passed the case to our investigations team.`,
    ],
    investigate: [
      () => `I have sent the case for investigation. You will hear from us by e-mail as soon as we know more.`,
      () => `We have contacted the shop and are waiting for an answer. Shops normally have 21 days to respond.`,
    ],
    tech: [
      () => `Unfortunately we have a technical error in the system right now, so I cannot see your case. Please try again in a few days.`,
      () => `It looks like a technical error and the case is stuck. I have reported it.`,
    ],
    promise_refund: [
      (c) => `I can see the shop has approved it. The refund of ${c.money} will arrive within 5–7 banking days.`,
      (c) => `You will get ${c.money} back within ${c.days} days, I promise.`,
    ],
    callback: [() => `I will raise this with my manager and call you back within 48 hours.`],
    merchant_wait: [
      (c) => `We are still waiting for an answer from ${c.merchant}. There is nothing more I can do until they reply.`,
    ],
    circle: [() => `I feel this conversation is going round in circles. I am going to close the case now.`],
    pay_anyway: [
      () => `I recommend that you pay the invoice to avoid debt collection. If the shop agrees with you, you will get the money back.`,
    ],
    explain: [
      () => `The shop has sent proof of delivery showing the parcel was signed for with BankID. The invoice therefore stands.`,
      () => `The reminder fee is correct under the terms because the invoice was overdue before you contacted us.`,
    ],
    form: [
      () => `To proceed you need to fill in our refund form with your name, personal identity number, account number and order number.`,
    ],
    extend: [(c) => `I have extended the pause by ${c.days} days because the shop has still not answered.`],
    resolved: [() => `The shop has confirmed and the invoice will be adjusted. You do not need to do anything else.`],
  },
  nonPurchase: {
    status: [
      () => `Hello again. I still have not had an answer to my request.`,
      (c) => `This is contact number ${c.count} about the same thing. When will I get an answer?`,
    ],
    investigate: [() => `I have passed your case to the right department. You will hear from us by e-mail as soon as we know more.`],
  },
  explain: {
    delivery: [() => `The shop has sent proof of delivery showing the parcel was signed for with BankID. The invoice therefore stands.`],
    return: [() => `The shop has not registered any return, and without a drop-off receipt we cannot credit the invoice.`],
    fees: [() => `The reminder fee is correct under the terms because the invoice was overdue before you contacted us.`],
    amount: [() => `The amount matches the order according to the shop's records, so the invoice is correct.`],
    credit: [() => `Credit decisions are made automatically from the credit report and your payment history. We cannot change it afterwards.`],
    data: [() => `Your request for a copy of your data is registered and will be handled by our data protection team within one month.`],
  },
  reaction: [
    () => `OK, thanks.`,
    () => `But you said that last time!`,
    () => `Can I have that in writing?`,
    () => `This is not acceptable.`,
    () => `How long will it take?`,
  ],
  closing: [() => `Thank you for contacting us, have a nice day!`, () => `Is there anything else I can help you with?`],
  mailFromCustomer: (c, text) => `Hello,\n\n${text}${sign(c)}`,
  mailFromAgent: (c, text) => `Dear ${c.first},\n\n${text}\n\nKind regards\n${c.agent}\nCustomer service`,
  categoryLabel: {
    undelivered_goods: 'customer reports goods not delivered',
    return_not_registered: 'customer says the return was not registered',
    refund_missing: 'customer is missing a refund',
    invoice_dispute: 'customer disputes the invoice amount',
    fees_and_reminders: 'customer disputes fees',
    debt_collection: 'customer received a debt collection letter',
    purchase_protection: 'customer wants to use purchase protection',
    fraud_identity: 'customer disputes the purchase as unauthorised',
    credit_decision: 'customer disputes a credit decision',
    customer_service_conduct: 'customer complains about treatment',
    data_protection: 'customer requests a copy of personal data',
  },
  purposeLabel: {
    status: 'customer asks for status',
    reminder: 'reminder during open case',
    refund: 'customer is missing a promised refund',
    collection: 'customer received debt collection letter',
    pause_ending: 'pause is ending',
    paid_anyway: 'customer pays to avoid debt collection',
  },
  actionLabel: {
    pause: (c) => `invoice paused ${c.days} days`,
    investigate: () => 'sent for investigation',
    tech: () => 'agent cites a technical error',
    promise_refund: () => 'refund promised',
    callback: () => 'call-back promised',
    merchant_wait: () => 'waiting for the shop',
    circle: () => 'agent ends the contact',
    pay_anyway: () => 'customer advised to pay',
    explain: () => 'agent explains the decision',
    form: () => 'customer asked to fill in a form',
    extend: (c) => `pause extended ${c.days} days`,
    resolved: () => 'resolved according to customer service',
  },
  contactSummary: (channel, what, action) => (action ? `${channel}: ${what} – ${action}` : `${channel} from the customer: ${what}`),

  invoiceIssued: {
    summary: (c) => `Invoice sent: ${c.order}, ${c.amount}`,
    body: {
      invoice: (c) => `Invoice for purchase at ${c.merchant} (${c.order}). Amount ${c.amount}. Due date ${c.date}. Pay in the app or by bank giro.`,
      pay_later: (c) => `Pay later: ${c.amount} for purchase at ${c.merchant} (${c.order}), to be paid by ${c.date}.`,
      part_payment: (c) => `The purchase of ${c.amount} at ${c.merchant} (${c.order}) was added to your part-payment account. First monthly statement due ${c.date}.`,
      card: (c) => `Card purchase at ${c.merchant}, ${c.amount} (${c.order}). Included in the monthly invoice due ${c.date}.`,
    },
  },
  paused: {
    summary: (c) => `Invoice paused for ${c.days} days`,
    body: (c) => `The invoice for ${c.order} was paused for ${c.days} days because of an open case. New due date ${c.date}.`,
  },
  extended: {
    summary: (c) => `Pause extended by ${c.days} days`,
    body: (c) => `The pause for ${c.order} was extended by ${c.days} days. New due date ${c.date}.`,
  },
  resumed: {
    summary: () => `Pause lifted, invoice active again`,
    body: (c) => `The invoice for ${c.order} is active again. Due date ${c.date}.`,
  },
  reminder: {
    summary: (c) => `Payment reminder: ${c.order}`,
    body: (c) => `Reminder. Outstanding amount ${c.money}. Pay by ${c.date} to avoid debt collection.`,
  },
  reminderFee: {
    summary: (c) => `Reminder fee ${c.money}`,
    body: (c) => `A reminder fee of ${c.money} was added to the invoice for ${c.order}.`,
  },
  lateFee: {
    summary: (c) => `Late payment fee ${c.money}`,
    body: (c) => `A late payment fee of ${c.money} was charged for ${c.order}.`,
  },
  collection: {
    summary: (c) => `Passed to debt collection (${c.agency})`,
    body: (c) => `The invoice for ${c.order} was passed to ${c.agency}. Claim including fees: ${c.money}. Collection letter sent to the customer.`,
  },
  payment: {
    summary: (c) => `Payment received ${c.money}`,
    body: (c) => `Payment of ${c.money} registered for ${c.order}.`,
  },
  refund: {
    summary: (c) => `Refund ${c.money}`,
    body: (c) => `A refund of ${c.money} was paid to the customer's account for ${c.order}.`,
  },
  creditPartial: {
    summary: (c) => `Partial credit ${c.money}`,
    body: (c) => `The invoice for ${c.order} was credited with ${c.money}. Still to pay: ${c.rest}.`,
  },
  credit: {
    summary: (c) => `Invoice credited ${c.money}`,
    body: (c) => `The invoice for ${c.order} was credited with ${c.money}. Nothing left to pay.`,
  },
  creditDenied: {
    summary: () => `Credit assessment: declined`,
    body: (c) => `Your part-payment application at ${c.merchant} for ${c.amount} was declined after a credit assessment. A credit report was obtained.`,
  },

  disputeOpened: {
    non_delivery: 'Dispute opened: goods not delivered',
    return: 'Dispute opened: return not registered',
    fraud: 'Investigation opened: suspected unauthorised purchase',
    wrong_amount: 'Dispute opened: wrong amount',
    defect: 'Dispute opened: faulty goods',
  },
  disputeOpenedBody: (c) => `Case opened against ${c.merchant} for ${c.order}. The shop has 21 days to respond.`,
  merchantRequest: {
    summary: () => `Request for documentation sent to the shop`,
    body: (c) => `We asked ${c.merchant} for proof of delivery and return information for ${c.order}. Reply by ${c.date}.`,
  },
  merchantReply: {
    delivered: {
      summary: () => `Shop replies: goods delivered`,
      body: (c) => `${c.merchant}: The parcel was delivered to a pick-up point and signed for. Tracking number ${c.ref}. We do not accept the dispute.`,
    },
    no_return: {
      summary: () => `Shop replies: return not received`,
      body: (c) => `${c.merchant}: We have not received any return for ${c.order}. The customer may send the drop-off receipt.`,
    },
    accepts: {
      summary: () => `Shop accepts the dispute`,
      body: (c) => `${c.merchant}: We confirm that ${c.order} will be credited with ${c.money}.`,
    },
    partial: {
      summary: () => `Shop offers a price reduction`,
      body: (c) => `${c.merchant}: We offer a price reduction of ${c.money} for ${c.order}. Otherwise the dispute is not accepted.`,
    },
  },
  disputeClosed: {
    merchant_no_response: {
      summary: () => `Dispute closed: the shop did not respond`,
      body: (c) => `The shop did not respond within 21 days. The case for ${c.order} is closed and the invoice reactivated.`,
    },
    in_customer_favour: {
      summary: () => `Dispute closed in the customer's favour`,
      body: (c) => `The dispute for ${c.order} is closed in the customer's favour and ${c.money} is credited.`,
    },
    in_merchant_favour: {
      summary: () => `Dispute closed: the shop's evidence accepted`,
      body: (c) => `The shop's evidence for ${c.order} is considered sufficient. The invoice stands.`,
    },
    partial: {
      summary: () => `Dispute closed with partial credit`,
      body: (c) => `The dispute for ${c.order} is closed with a credit of ${c.money}. The rest is still due.`,
    },
  },
  protectionClaim: {
    summary: () => `Purchase protection claim`,
    body: (c) => `The customer filed a purchase protection claim (${c.order}, ${c.amount}). Reason: goods not as described and the shop does not respond.`,
  },

  orderConfirmation: {
    summary: (c) => `Order confirmation from ${c.merchant}`,
    body: (c) => `The customer uploaded the order confirmation for ${c.order}.`,
    pdf: (c) => [`Order confirmation`, c.merchant, `Order: ${c.order}`, `Order date: ${c.purchased}`, `Total: ${c.amount}`],
  },
  returnReceipt: {
    summary: () => `Drop-off receipt for the return`,
    body: (c) => `The customer sent the drop-off receipt for the return to ${c.merchant} (parcel id ${c.ref}).`,
    pdf: (c) => [`Drop-off receipt`, `Parcel id: ${c.ref}`, `Recipient: ${c.merchant}`, `Order: ${c.order}`, `Dropped off: ${c.date}`],
  },
  policeReport: {
    summary: () => `Police report about fraud`,
    body: (c) => `The customer sent a copy of the police report (reference ${c.ref}) about an unauthorised purchase at ${c.merchant}.`,
    pdf: (c) => [`Police report - copy`, `Reference: ${c.ref}`, `Offence: fraud`, `Purchase: ${c.order}, ${c.merchant}`],
  },
  merchantConfirmation: {
    summary: () => `Shop's confirmation of cancellation`,
    body: (c) => `The customer forwarded an e-mail from ${c.merchant} confirming the cancellation of ${c.order} and promising a refund.`,
  },
  screenshot: {
    summary: () => `Screenshot from the app`,
    body: () => `The customer sent a screenshot from the app showing the invoice status.`,
  },
  terms: { fileName: 'purchase-protection-terms.pdf', lines: ['Purchase protection terms', 'Valid from 1 January', 'Purchase protection applies if goods are not delivered or differ substantially from the description.'] },

  fileNames: { orderConfirmation: 'order-confirmation', returnReceipt: 'drop-off-receipt', policeReport: 'police-report', decision: 'decision', screenshot: 'screenshot' },

  complaint: {
    summary: () => `Formal complaint from the customer`,
    body: (c) =>
      c.count > 2
        ? `Hello,\n\nI wish to make a formal complaint about ${c.order} at ${c.merchant}. I have contacted you ${c.count} times without a solution. I want a written answer to my complaint.${sign(c)}`
        : `Hello,\n\nI am not satisfied with how my case about ${c.order} has been handled and ask you to treat this as a complaint. I want a written answer.${sign(c)}`,
  },
  holdingReply: {
    summary: () => `Notice of extended handling time`,
    body: (c) => `Dear ${c.first},\n\nWe have received your complaint but need more time to investigate it. You will receive a final answer no later than ${c.date}.\n\nKind regards\nCustomer service, complaints`,
  },
  finalAnswerSummary: {
    rejected: 'Final answer from customer service: complaint rejected',
    rejected_no_response: 'Final answer from customer service: complaint rejected',
    partly: 'Final answer from customer service: partly accepted',
    upheld: 'Final answer from customer service: complaint upheld',
    refund_pending: 'Final answer from customer service: refund ordered',
  },
  finalAnswerText: {
    rejected: [() => `We have reviewed the case and the shop's documentation. We consider the invoice correct and it stands.`],
    rejected_no_response: [() => `As the shop could not be reached, the dispute has been closed and the invoice must be paid.`],
    partly: [(c) => `As a goodwill gesture we remove the reminder fees, but the invoice of ${c.amountShort} stands.`],
    upheld: [(c) => `We apologise for the delay. The refund of ${c.money} is now registered.`],
    refund_pending: [() => `The refund has been ordered and will show in your account shortly. We apologise for the delay.`],
  },
  finalAnswerRefusal: {
    credit_decision: [
      () => `The credit assessment followed our guidelines and the decision stands. The credit report is correctly registered and cannot be removed.`,
    ],
    data_protection: [() => `We have now sent you a copy of your personal data. The data about your invoice is correct and needs no correction.`],
    customer_service_conduct: [
      () => `We are sorry that you felt badly treated. We have reviewed the contacts and see no error in how your case was handled.`,
    ],
  },
  finalAnswer: (c, decision) =>
    `Dear ${c.first},\n\nThank you for your complaint about ${c.order}. ${decision}\n\nIf you are not satisfied with our answer, you can turn to our Customer Ombudsman, who reviews the case independently.\n\nKind regards\nCustomer service, complaints`,

  escalationSummary: [
    () => `Customer asks the ombudsman to review the case`,
    (c) => `Complaint to the ombudsman about a purchase at ${c.merchant}`,
  ],
  escalationIntro: [
    () => `Hello,\n\nI would like the Customer Ombudsman to review my case because I am not satisfied with customer service's final answer.`,
    () => `Dear Ombudsman,\n\nCustomer service referred me to you and I want to appeal their decision.`,
  ],
  escalationBackground: {
    purchase: (c) => `I bought ${c.item} from ${c.merchant} on ${c.purchased} (order ${c.order}, ${c.amountShort}).`,
    fraud: (c) => `On ${c.purchased} a purchase I did not make was registered in my name at ${c.merchant} (order ${c.order}, ${c.amountShort}).`,
    credit: (c) => `On ${c.purchased} I applied for part payment of a purchase of ${c.amountShort} at ${c.merchant} (order ${c.order}).`,
  },
  escalationFlag: {
    repeatedContacts: (c) => `I have contacted customer service ${c.count} times about the same purchase without a real answer.`,
    repeatedPauses: () => `The invoice has been paused again and again, but nobody actually solved the problem.`,
    collectionDuringDispute: () => `Although the dispute was open I received reminders, fees and finally a debt collection letter.`,
    paidDuringDispute: (c) => `In the end I paid ${c.money} to avoid debt collection, although the case was not resolved.`,
    merchantNoResponse: () => `After 21 days I was told the shop had not answered and that the case was therefore closed. How is that my fault?`,
    refundNotMade: (c) => `I was promised a refund on ${c.date} but I still have not received any money.`,
    technicalError: () => `Every time I contact them they say there is a technical error.`,
    lateFinalAnswer: (c) => `It took more than ${c.count} weeks to get an answer to my complaint.`,
  },
  escalationAnswer: (c) => `Customer service's final answer came on ${c.date} and I do not accept it.`,
  escalationClaims: 'My claims:',
  escalationClosing: (c) => `I attach what I have. Please let me know if you need more information.\n\nKind regards\n${c.name}\n${c.email}`,

  claim: {
    refundUnpaid: (c) => `I demand that the invoice of ${c.amountShort} for ${c.order} is credited in full.`,
    refundPaid: (c) => `I demand the return of the ${c.money} I have paid.`,
    refundRest: (c) => `I demand that the remaining ${c.money} on the invoice for ${c.order} is credited.`,
    reverse: (c) => `I demand that the remaining ${c.money} for ${c.order} is refunded or credited so that the purchase is fully reversed.`,
    fees: (c) => `I demand that the reminder and collection fees of ${c.money} in total are removed.`,
    interest: (c) => `I demand that the interest of ${c.money} charged during the dispute is waived.`,
    compensation: (c) => `I demand compensation of ${c.money} for the time and trouble this has caused.`,
    credit: () => `I demand that the debt collection is withdrawn and that no payment default is registered.`,
    creditDecision: () => `I demand that the credit report is removed and the credit decision reconsidered.`,
    overcharge: (c) => `I demand that the invoice for ${c.order} is reduced by ${c.money} to the amount I actually ordered.`,
    apology: () => `I want a written apology for how customer service has treated me.`,
    data: () => `I demand a full copy of my personal data and correction of wrong data.`,
  },
  caseSummary: {
    undelivered_goods: (c) => `Goods from ${c.merchant} not delivered; invoice ${c.amountShort} (${c.order})`,
    return_not_registered: (c) => `Return to ${c.merchant} not registered; customer disputes invoice of ${c.amountShort}`,
    refund_missing: (c) => `Refund of ${c.amountShort} for purchase at ${c.merchant} not made`,
    invoice_dispute: (c) => `Customer disputes the invoice amount from ${c.merchant} (${c.amountShort})`,
    fees_and_reminders: (c) => `Reminder fees on invoice for purchase at ${c.merchant} disputed`,
    debt_collection: (c) => `Purchase at ${c.merchant} passed to debt collection; customer disputes the claim`,
    purchase_protection: (c) => `Purchase protection refused for purchase at ${c.merchant} (${c.amountShort})`,
    fraud_identity: (c) => `Customer disputes purchase at ${c.merchant} as unauthorised (identity theft)`,
    credit_decision: (c) => `Customer disputes credit decision for purchase at ${c.merchant}`,
    customer_service_conduct: (c) => `Complaint about customer service conduct in a case about ${c.merchant}`,
    data_protection: () => `Request for personal data and correction not answered`,
  },
  flagClause: {
    repeatedContacts: 'repeated contacts without resolution',
    repeatedPauses: 'invoice paused again and again',
    collectionDuringDispute: 'reminders and collection during dispute',
    paidDuringDispute: 'customer paid while dispute open',
    merchantNoResponse: 'dispute closed because the shop did not answer',
    refundNotMade: 'promised refund never made',
    technicalError: '"technical error" answers',
    lateFinalAnswer: 'late final answer',
  },

  statusLabel: {
    received: 'Received',
    acknowledged: 'Acknowledged',
    in_review: 'In review',
    waiting_for_customer: 'Waiting for customer',
    decision_drafted: 'Decision drafted',
    decision_issued: 'Decision issued',
    closed: 'Closed',
  },
  ackLetter: {
    summary: () => `Acknowledgement sent to the customer`,
    body: (c) => `Dear ${c.first},\n\nWe have received your complaint and registered it as case ${c.caseNo}. The Customer Ombudsman reviews the case independently of customer service. We will be in touch once we have reviewed it.\n\nKind regards\nCustomer Ombudsman's office`,
  },
  assignment: (c) => `Case assigned to ${c.person}`,
  statusChange: (from, to) => `Status changed: ${from} → ${to}`,
  noteGeneral: [
    () => `Requested call recordings and chat logs from customer service for the whole period.`,
    (c) => `Requested the shop's documentation from ${c.merchant} through customer service.`,
  ],
  noteFlag: {
    repeatedContacts: (c) => `The customer contacted customer service ${c.count} times about the same purchase without resolution.`,
    repeatedPauses: () => `The invoice was paused and extended repeatedly with no investigation visible in the history.`,
    collectionDuringDispute: () => `Reminders and fees were sent while the dispute was open. To be investigated.`,
    paidDuringDispute: () => `The customer paid while the dispute was open to avoid debt collection.`,
    merchantNoResponse: () => `The dispute was closed after 21 days only because the shop did not answer.`,
    refundNotMade: () => `A refund was promised by customer service but no refund is registered.`,
    technicalError: () => `Agents referred to a technical error on several occasions.`,
    lateFinalAnswer: () => `Customer service's final answer came after more than 15 business days.`,
  },
  noteClean: {
    general: [() => `Customer service's handling looks correct and is supported by the history.`],
    fees: [() => `The fees were charged under the terms. Nothing unusual in the history.`],
  },
  noteSettled: [
    () => `The customer withdrew the complaint after customer service offered a solution. Closed without a decision.`,
    () => `The parties reached a settlement. Closed without a decision.`,
  ],
  infoRequest: {
    summary: () => `Request for further information sent to the customer`,
    body: (c) => `Dear ${c.first},\n\nTo review your case we need ${c.ref}. Please reply by ${c.date}.\n\nKind regards\n${c.person}\nCustomer Ombudsman's office`,
  },
  infoWhat: [
    () => `a copy of the drop-off receipt for the return`,
    () => `a bank statement showing your payment`,
    (c) => `your correspondence with ${c.merchant}`,
  ],
  customerReply: {
    summary: () => `Further information from the customer`,
    body: (c) => `Hello,\n\nHere is the information you asked for.${sign(c)}`,
  },
  decisionLabel: { upheld: 'The claim is upheld', partly_upheld: 'The claim is partly upheld', not_upheld: 'The claim is not upheld' },
  decisionRemedy: {
    upheld: (c) => `${c.money} will be refunded or credited within 10 banking days and the fees removed.`,
    partly_upheld: (c) => `The fees of ${c.money} are removed. The invoice otherwise stands.`,
    not_upheld: () => `The ombudsman finds no reason to change customer service's decision.`,
  },
  draftNote: (c, label, remedy) => `Draft decision in ${c.caseNo}: ${label}. ${remedy} Sent to the ombudsman for review.`,
  decisionBody: (c, label, remedy) =>
    `The Customer Ombudsman has decided case ${c.caseNo}: ${label}. ${remedy}\n\nThis is the company's final position.`,
  decisionPdf: (c, label, remedy) => [`Decision ${c.caseNo}`, `Customer: ${c.name}`, `${label}.`, remedy, `${c.person}, Customer Ombudsman`],
  decisionLetter: {
    summary: () => `Decision sent to the customer`,
    body: (c) => `The decision letter was sent to ${c.email}. The customer was informed of the right to bring the matter to the National Board for Consumer Disputes (ARN) within one year of the first complaint, or to a general court.`,
  },
};
