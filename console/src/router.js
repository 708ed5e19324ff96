// Hash routes: the console server (or any static host) serves one index.html and nothing needs rewriting.
import { createRouter, createWebHashHistory } from 'vue-router';

const v = (name) => () => import(`./views/${name}.vue`);
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', component: v('Home') },
    { path: '/proposals', component: v('ProposalList'), props: { mode: 'mine' } },
    { path: '/proposals/new', component: v('ProposalNew') },
    { path: '/proposals/:id', component: v('ProposalDetail'), props: true },
    { path: '/cosign', component: v('CosignRequests') },
    { path: '/review', component: v('ProposalList'), props: { mode: 'review' } },
    { path: '/all', component: v('ProposalList'), props: { mode: 'all' } },
    { path: '/supervision', component: v('Supervision'), props: { mine: false } },
    { path: '/key-proposals', component: v('Supervision'), props: { mine: true } },
    { path: '/statistics', component: v('Statistics') },
    { path: '/assignments', component: v('Assignments') },
    { path: '/inbox', component: v('Inbox') },
    { path: '/performance', component: v('Performance') },
    { path: '/activities', component: v('Activities') },
    { path: '/members', component: v('Members') },
    { path: '/units', component: v('Units') },
    { path: '/clues', component: v('Clues') },
    { path: '/opinion-reports', component: v('OpinionReports') },
    { path: '/cultivation', component: v('Cultivation') },
    { path: '/rules', component: v('Rules') },
    { path: '/staff', component: v('Staff') },
    { path: '/records', component: v('Records') },
    { path: '/:rest(.*)', redirect: '/' },
  ],
});
