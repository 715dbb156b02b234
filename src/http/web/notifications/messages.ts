import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  title: 'Notifikationer',
  lead: 'Beskeder til dig og din organisation.',
  none: 'Du har ingen notifikationer.',
  unread: 'Ulæst',
  read: 'Læst',
  markAll: 'Markér alle som læst',
  marked: 'Alle notifikationer er markeret som læst.',
  caption: 'Dine notifikationer, nyeste først',
  when: 'Tidspunkt',
  text: 'Besked',
  status: 'Status',
};

const en: Widen<typeof da> = {
  title: 'Notifications',
  lead: 'Messages to you and your organisation.',
  none: 'You have no notifications.',
  unread: 'Unread',
  read: 'Read',
  markAll: 'Mark all as read',
  marked: 'All notifications are marked as read.',
  caption: 'Your notifications, newest first',
  when: 'When',
  text: 'Message',
  status: 'Status',
};

export type NotificationMessages = Widen<typeof da>;

export function notificationMessages(lang: Lang): NotificationMessages {
  return lang === 'da' ? da : en;
}
