import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

// Times are stored in UTC and shown in Asia/Shanghai whatever the PC's own time zone is.
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');
