import type { Catalogue } from './catalogue.js';

// Ordinals agree with "miércoles", "jueves"...: every weekday is masculine.
const NTH = { 1: 'primer', 2: 'segundo', 3: 'tercer', 4: 'cuarto', [-1]: 'último' } as const;

/** Spanish. */
export const es: Catalogue = {
  language: 'es',
  schedule: {
    weekly: (day) => `Todos los ${day}`,
    everyWeeks: (day, n) => (n === 2 ? `Un ${day} sí y otro no` : `Cada ${n} semanas, los ${day}`),
    monthly: (day, nth) => `El ${NTH[nth]} ${day} de cada mes`,
    everyMonths: (day, nth, n) => `El ${NTH[nth]} ${day} de cada ${n} meses`,
    withTimes: (pattern, from, to) => `${pattern}, de ${from} a ${to}`,
    count: (sentence, n) => `${sentence}, ${n} reuniones en total`,
    until: (sentence, last) => `${sentence}, hasta el ${last}`,
  },
  noMedicalAdvice:
    'Las personas que dan apoyo entre pares comparten su propia experiencia con la diabetes. No dan consejos médicos: ' +
    'para preguntas sobre su tratamiento, hable con su médico, enfermera o equipo de atención.',
  greeting: (name) => `Hola, ${name}:`,
  signOff: 'El equipo del directorio',
  whyRegistrant: (group) => `Recibe este correo porque pidió que ${group} apareciera en el directorio.`,
  whyReminder: (group) => `Recibe este correo porque pidió recordatorios de ${group}.`,
  unsubscribeLink: 'No quiero más correos',

  received: ({ group, reference }) => ({
    subject: `Hemos recibido ${group} (${reference})`,
    paragraphs: [
      `Gracias por registrar ${group}. Su referencia es ${reference}.`,
      'Alguien del equipo del directorio revisará los datos antes de publicar el grupo. Le escribiremos cuando lo haya hecho.',
    ],
  }),
  published: ({ group, reference, url }) => ({
    subject: `${group} ya está en el directorio`,
    paragraphs: [`${group} (referencia ${reference}) ya está publicado: la gente lo encontrará al buscar.`],
    action: { label: 'Ver el grupo', url },
  }),
  notPublished: ({ group, reference, reason }) => ({
    subject: `${group} no se ha publicado`,
    paragraphs: [
      `No hemos podido publicar ${group} (referencia ${reference}). El equipo del directorio dio este motivo:`,
      reason,
      'Puede volver a registrar el grupo con los datos corregidos.',
    ],
  }),
  updateApplied: ({ group, reference, url }) => ({
    subject: `Sus cambios en ${group} están publicados`,
    paragraphs: [`Los cambios que envió para ${group} (referencia ${reference}) ya están en el directorio.`],
    action: { label: 'Ver el grupo', url },
  }),

  confirmReminders: ({ group, what, url }) => ({
    subject: `Confirme sus recordatorios de ${group}`,
    paragraphs: [
      `Alguien, esperamos que usted, pidió recordatorios por correo de ${what} de ${group}.`,
      'No enviaremos nada hasta que lo confirme. Si no lo pidió, ignore este correo: borraremos su dirección en una semana.',
    ],
    action: { label: 'Confirmar mis recordatorios', url },
  }),
  everyMeeting: 'todas las reuniones',
  oneMeeting: (when) => `la reunión del ${when}`,
  reminder: ({ group, when, where, url }) => ({
    subject: `Recordatorio: ${group}, ${when}`,
    paragraphs: [`${group} se reúne el ${when}.`, where],
    action: { label: 'Ver el grupo', url },
  }),
  meetingCancelled: ({ group, when, note, url }) => ({
    subject: `Cancelada: ${group}, ${when}`,
    paragraphs: [`La reunión de ${group} del ${when} se ha cancelado.`, ...(note ? [note] : [])],
    action: { label: 'Ver el grupo', url },
  }),

  confirmPage: {
    title: 'Confirme sus recordatorios',
    paragraphs: ['Pulse el botón para empezar a recibir recordatorios.'],
    button: 'Confirmar mis recordatorios',
  },
  confirmedPage: {
    title: 'Sus recordatorios están activados',
    paragraphs: ['Le escribiremos antes de las reuniones que eligió. Cada correo tiene un enlace para darse de baja.'],
  },
  unsubscribePage: {
    title: 'No quiero más correos',
    paragraphs: ['Pulse el botón para dejar de recibir recordatorios y borrar su dirección.'],
    button: 'Dejar de recibir recordatorios',
  },
  unsubscribedPage: {
    title: 'Sus recordatorios se han detenido',
    paragraphs: ['Hemos borrado su dirección de correo. No recibirá más recordatorios.'],
  },
  linkExpiredPage: {
    title: 'Este enlace ya no funciona',
    paragraphs: ['Los recordatorios a los que se refería han terminado o se han detenido, y la dirección se ha borrado.'],
  },
};
