// Chinese first, English available. The choice is kept in the browser and sent to Keycloak's login page.
import { ref } from 'vue';

export const locale = ref(localStorage.getItem('cppcc.locale') || 'zh-CN');
export function setLocale(l) {
  locale.value = l;
  localStorage.setItem('cppcc.locale', l);
  document.documentElement.lang = l;
}
document.documentElement.lang = locale.value;

const en = {
  '数字政协': 'Digital CPPCC',
  '登录': 'Log in', '退出': 'Log out', '委员会': 'Committee', '语言': 'Language',
  '欢迎使用数字政协': 'Welcome to Digital CPPCC',
  '委员、提案委员会、承办单位和领导在这里办理提案、参加协商、记录履职。': 'Members, proposal offices, handling units and leaders handle proposals, take part in consultation and keep the record of duty performance here.',
  '首页': 'Home', '我的提案': 'My proposals', '撰写提案': 'New proposal', '联名邀请': 'Co-sign invitations', '消息': 'Inbox',
  '履职档案': 'Duty record', '协商活动': 'Consultation', '提案审查': 'Review queue', '全部提案': 'All proposals', '督办': 'Supervision',
  '提案统计': 'Statistics', '我的交办': 'My assignments', '重点提案': 'Key proposals', '委员管理': 'Members', '承办单位': 'Handling units',
  '标题': 'Title', '正文': 'Text', '提案类型': 'Kind', '个人提案': 'Individual', '联名提案': 'Joint', '联名委员': 'Co-signers',
  '同意公开': 'Consent to publication', '提交': 'Submit', '保存草稿': 'Save draft', '加载更多': 'Load more', '没有更多了': 'No more',
  '暂无数据': 'Nothing yet', '状态': 'Status', '编号': 'Number', '提案人': 'Proposer', '提交时间': 'Submitted', '操作': 'Actions',
  '查看': 'Open', '同意联名': 'Accept', '谢绝联名': 'Decline', '立案': 'Register', '不予立案': 'Not register', '退回修改': 'Return',
  '并案': 'Merge', '交办': 'Assign', '主办单位': 'Lead units', '会办单位': 'Co-handlers', '办理期限': 'Deadline', '公开': 'Publish',
  '归档': 'Archive', '答复': 'Reply', '答复类别': 'Classification', '答复内容': 'Reply text', '附件': 'Attachments', '发送答复': 'Send reply',
  '办理答复': 'Replies', '对答复的评价': 'Rating of the reply', '对沟通的评价': 'Rating of the contact', '满意': 'Satisfied',
  '基本满意': 'Basically satisfied', '不满意': 'Unsatisfied', '意见': 'Comment', '提交评价': 'Send rating', '办理过程': 'History',
  '理由': 'Reason', '确定': 'OK', '取消': 'Cancel', '撤回': 'Withdraw', '已读': 'Read', '全部标为已读': 'Mark all read',
  '即将到期': 'Due soon', '已超期': 'Overdue', '按状态': 'By status', '承办单位办理情况': 'Handling units', '办复率': 'Reply rate',
  '满意率': 'Satisfaction', '按时办复率': 'On-time rate', '导出提案': 'Export proposals', '导出统计': 'Export statistics',
  '导入名册': 'Import roster', '导入结果': 'Import report', '行': 'Row', '结果': 'Outcome', '姓名': 'Name', '界别': 'Sector',
  '用户名': 'User name', '工作单位': 'Work unit', '年度得分': 'Score this year', '等级': 'Grade', '履职记录': 'Entries',
  '活动': 'Activity', '时间': 'Time', '地点': 'Place', '参加': 'Accept', '请假': 'Ask for leave', '签到码': 'Check-in code', '签到': 'Check in',
  '联名情况': 'Co-signers', '待联名': 'Waiting', '已同意': 'Accepted', '已谢绝': 'Declined', '筛选委员': 'Filter members',
  '办前沟通': 'Contact before', '会办意见': 'Co-handling opinion', '沟通记录': 'Contact log', '记录': 'Save note', '申请退回': 'Ask to return', '办中沟通': 'Contact during', '办后沟通': 'Contact after', '办理进展': 'Progress', '申请延期': 'Ask for more time', '延期至': 'Until', '延期申请已提交': 'More time asked for', '延期理由': 'Reason for more time',
  '提案已提交': 'Proposal submitted', '操作成功': 'Done', '请填写': 'Please fill in', '领导督办的重点提案': 'Key proposals I supervise',
  '最近期限': 'Nearest deadline', '委员': 'Member', '提案委员会': 'Proposal office', '承办单位人员': 'Handling unit', '领导': 'Leader',
  '管理员': 'Administrator', '协商办': 'Consultation office', '平台管理员': 'Platform administrator', '新消息': 'New message',
  '第几轮': 'Round', '轮次': 'Round', '选择文件': 'Choose file', '下载': 'Download', '立案提案': 'Registered', '已提交提案': 'Filed',
  '立案率': 'Registration rate', '共': 'Total', '我的待办': 'To do', '社情民意': 'Public-opinion reports', '线索': 'Clues',
  '领取': 'Take', '已领取': 'Taken', '报送社情民意': 'Send a report', '登录失败': 'Login failed', '请选择': 'Please choose',
  '提案线索': 'Clues', '承办单位发布希望委员调研的线索，委员领取后撰写提案（订单式提案）。': 'Handling units post topics they want researched; members take them and write proposals on them (proposals to order).',
  '已发布': 'Posted', '被领取': 'Taken', '领取委员': 'Takers', '据此提案': 'Proposals written', '发布线索': 'Post the clue', '发布新线索': 'Post a clue', '线索说明': 'Description',
  '调研需求': 'Research needs', '联系人': 'Contact', '联系电话': 'Phone', '领取截止': 'Open until', '全部': 'All', '据此撰写提案': 'Write a proposal on it',
  '关闭线索': 'Close', '线索已发布': 'Clue posted', '据线索撰写': 'On the clue',
  '报送': 'Submitted', '编发专报': 'Compile an issue', '编入专报': 'Include in the issue', '采用单位': 'Adopted by', '已编入专报': 'In an issue', '转交': 'Forward',
  '编辑': 'Edited by', '原标题': 'Original title', '批示': 'Instruction', '部门反馈': 'Department\'s answer', '处理': 'Handle', '采用': 'Adopt',
  '不予采用理由': 'Reason not to adopt', '不予采用': 'Do not adopt', '批示领导': 'Instructed by', '记录批示': 'Record instruction', '编辑标题': 'Edited title',
  '编辑正文': 'Edited text', '保存编辑': 'Save edit', '转交部门': 'Department', '记录反馈': 'Record answer', '推荐至上级政协': 'Recommend to the committee above',
  '已选': 'Chosen', '专报名称': 'Issue title', '报送对象（以、分隔）': 'Recipients (separated by 、)', '篇': 'reports', '已报送': 'Report sent',
  '专报已编发': 'Issue compiled', '已推荐至上级': 'Recommended upward',
  '四级联动': 'Cross-level', '下级政协推荐的提案和社情民意信息，本级采用后作为本级提案办理；每件事项的全部历程各级都能看到。': 'Proposals and reports recommended from below; once adopted they are handled as this committee\'s proposals. Every level reads an item\'s whole journey.',
  '培育情况': 'Cultivated', '推荐': 'Recommended', '未采用': 'Declined', '待处理': 'Pending', '为': 'for', '收到下级推荐': 'Received from below',
  '下级推荐': 'From below', '本级推荐': 'Recommended by us', '来自': 'from', '推荐理由': 'Note', '采用为': 'Adopted as', '历程': 'Journey',
  '委员提案': 'A member\'s proposal', '集体提案': 'Collective proposal', '提案委员用户名（默认原提案人）': 'Member\'s user name (default: the original author)',
  '提案单位': 'On behalf of',
  '履职评分规则': 'Scoring rules', '每项按条计分，负分为扣分；上限为年度上限，留空为不设上限。修改后所有委员的得分立即按新规则重算。': 'Points per entry (negative: a deduction); caps are yearly, empty for none. Every score follows a change at once.',
  '方面': 'Aspect', '上限': 'Cap', '项': 'Item', '每条分值': 'Points each', '优秀': 'Excellent', '良好': 'Good', '合格': 'Pass', '作业': 'Homework',
  '连续多少天无履职记录视为不活跃': 'Days without an entry before a member counts as inactive', '保存规则': 'Save rules', '规则已保存': 'Rules saved',
  '工作人员': 'Staff', '授予角色': 'Grant a role', '没有账号的人员会得到新账号，首次登录时设置密码。': 'A person without an account gets one and sets a password at first login.',
  '角色': 'Role', '邮箱': 'E-mail', '撤销': 'Revoke', '已授予': 'Role granted', '已撤销': 'Role revoked',
  '提案办设置': 'Proposal office settings', '届': 'Term', '次会议': 'Session', '办理期限（天）': 'Days to answer',
  '申请退回期限（天）': 'Days to ask to return', '逾期督办（超期后天数）': 'Escalation (days overdue)', '保存设置': 'Save settings', '再次通知承办单位': 'Remind the unit', '报提案委员会': 'Tell the office', '报督办领导': 'Tell the supervising leader', '设置已保存': 'Settings saved',
  '新的一次会议开始后，提案编号从0001重新开始。': 'Numbers start again at 0001 with a new session.',
  '履职记录审核': 'Records to confirm', '委员报告的联系群众、为群众办实事和学习活动，确认后计入履职档案。': 'What members report of their own (constituents contacted, practical things done, learning) counts once confirmed.',
  '审核意见': 'Note', '确认': 'Confirm', '不予确认': 'Reject', '报告履职': 'Report a record', '类别': 'Kind', '日期': 'Date', '详情': 'Details',
  '我报告的履职': 'My reported records', '已提交，待确认': 'Sent; waiting to be confirmed',
  '可领取线索': 'Clues to take', '待处理社情民意': 'Reports to handle',
  '未读': 'Unread', '条': '', '审查意见': 'Review note', '办理中': 'Handling', '至': 'until', '本人': 'me',
};

export function t(zh) {
  return locale.value === 'en' ? en[zh] ?? zh : zh;
}

const STATUS = {
  DRAFT: ['草稿', 'Draft'], SUBMITTED: ['已提交', 'Submitted'], RETURNED: ['退回修改', 'Returned'], NOT_REGISTERED: ['不予立案', 'Not registered'],
  MERGED: ['已并案', 'Merged'], WITHDRAWN: ['已撤回', 'Withdrawn'], REGISTERED: ['已立案', 'Registered'], HANDLING: ['办理中', 'Handling'],
  REPLIED: ['已答复', 'Replied'], COMPLETED: ['已办结', 'Completed'], ARCHIVED: ['已归档', 'Archived'],
  PENDING: ['待处理', 'Pending'], INVITED: ['待联名', 'Invited'], EXPIRED: ['已过期', 'Expired'], ACCEPTED: ['已同意', 'Accepted'], DECLINED: ['已谢绝', 'Declined'], OPEN: ['办理中', 'Open'],
  PLANNED: ['计划中', 'Planned'], CANCELLED: ['已取消', 'Cancelled'], SCHEDULED: ['已安排', 'Scheduled'], CONCLUDED: ['已结束', 'Concluded'],
  INDIVIDUAL: ['个人提案', 'Individual'], JOINT: ['联名提案', 'Joint'], COLLECTIVE: ['集体提案', 'Collective'], RECOMMENDATION: ['建议案', 'Recommendation'],
  SATISFIED: ['满意', 'Satisfied'], BASICALLY_SATISFIED: ['基本满意', 'Basically satisfied'], UNSATISFIED: ['不满意', 'Unsatisfied'],
  LEAD: ['主办', 'Lead'], CO: ['会办', 'Co-handler'], CREATED: ['新建', 'Created'], UPDATED: ['更新', 'Updated'], UNCHANGED: ['未变', 'Unchanged'],
  REJECTED: ['未导入', 'Rejected'], EDIT: ['修改', 'Edited'], COSIGN: ['联名', 'Co-signed'], SUBMIT: ['提交', 'Submitted'],
  WITHDRAW: ['撤回', 'Withdrawn'], REGISTER: ['立案', 'Registered'], NOT_REGISTER: ['不予立案', 'Not registered'], RETURN: ['退回修改', 'Returned'],
  MERGE: ['并案', 'Merged'], ASSIGN: ['交办', 'Assigned'], MARK_KEY: ['列为重点提案', 'Made key'], MARK_EXCELLENT: ['评为优秀提案', 'Excellent'],
  TAG: ['标注主题', 'Tagged'], SUPERVISE: ['督办', 'Supervised'], REQUEST_EXTENSION: ['申请延期', 'Extension asked'],
  DECIDE_EXTENSION: ['延期审批', 'Extension decided'], NOTE: ['沟通记录', 'Note'], REQUEST_RETURN: ['申请退回', 'Return asked'],
  REASSIGN: ['改办', 'Reassigned'], REPLY: ['答复', 'Replied'], FEEDBACK: ['评价', 'Rated'], COSIGNER_FEEDBACK: ['联名人评价', 'Co-signer rated'],
  OPEN_CLUE: ['可领取', 'Open'], CLOSED: ['已关闭', 'Closed'], ADOPTED: ['已采用', 'Adopted'], NOT_ADOPTED: ['未采用', 'Not adopted'],
  INSTRUCTED: ['获批示', 'Instructed'], C_RECOMMENDED: ['待采用', 'Recommended'], C_ADOPTED: ['已采用', 'Adopted'], C_DECLINED: ['未采用', 'Declined'],
  PROPOSAL: ['提案', 'Proposal'], OPINION_REPORT: ['社情民意', 'Public-opinion report'], CLUE: ['提案线索', 'Clue'],
  PROPOSAL_SUBMITTED: ['提交提案', 'Proposal submitted'], PROPOSAL_REGISTERED: ['提案立案', 'Proposal registered'], PROPOSAL_KEY: ['提案列为重点提案', 'Key proposal'],
  PROPOSAL_EXCELLENT: ['提案评为优秀提案', 'Excellent proposal'], PROPOSAL_CULTIVATED: ['提案被上级政协采纳', 'Adopted by the committee above'],
  PROPOSAL_MERGED: ['提案被并案', 'Proposal merged'], OPINION_SUBMITTED: ['报送社情民意信息', 'Report submitted'], OPINION_ADOPTED: ['社情民意信息被采用', 'Report adopted'],
  OPINION_INCLUDED: ['社情民意信息编入专报', 'Report in an issue'], OPINION_INSTRUCTED: ['社情民意信息获领导批示', 'Report instructed'],
  MEETING_ATTENDED: ['出席会议和活动', 'Meeting attended'], MEETING_ABSENT_WITH_LEAVE: ['请假缺席会议', 'Absent with leave'],
  MEETING_ABSENT_WITHOUT_LEAVE: ['无故缺席会议', 'Absent without leave'], CONSULTATION_INVITED: ['受邀参加协商', 'Invited to consultation'],
  CONSULTATION_SPOKE: ['协商或大会发言', 'Spoke'], CONSULTATION_OPINION_ADOPTED: ['协商意见被采纳', 'Consultation opinion adopted'],
  CONSULTATION_OPINION_TRANSFORMED: ['协商意见转化为成果', 'Opinion became an outcome'], RESEARCH_JOINED: ['参加调研', 'Research'],
  INSPECTION_JOINED: ['参加视察', 'Inspection'], CONSTITUENTS_CONTACTED: ['联系界别群众', 'Constituents contacted'],
  PRACTICAL_THING_DONE: ['为群众办实事', 'Practical thing done'], LEARNING: ['参加学习活动', 'Learning'],
  R_PENDING: ['待确认', 'Pending'], R_CONFIRMED: ['已确认', 'Confirmed'], R_REJECTED: ['未确认', 'Rejected'],
  PUBLISH: ['公开', 'Published'], ARCHIVE: ['归档', 'Archived'], ACTIVE: ['在任', 'Active'], ENDED: ['已离任', 'Ended'],
};

export function label(code) {
  const s = STATUS[code];
  return s ? s[locale.value === 'en' ? 1 : 0] : code;
}

const ROLE = { member: '委员', 'proposal-office': '提案委员会', 'handling-unit': '承办单位人员', leader: '领导', 'committee-admin': '管理员',
  'consultation-office': '协商办' };
export const roleName = (role) => t(ROLE[role] || role);

export function when(instant) {
  if (!instant) return '';
  return new Date(instant).toLocaleString(locale.value, { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}

export function theme(status) {
  return { REPLIED: 'warning', COMPLETED: 'success', HANDLING: 'primary', REGISTERED: 'primary', RETURNED: 'danger', NOT_REGISTERED: 'danger' }[status] || 'default';
}
