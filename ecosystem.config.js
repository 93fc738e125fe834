// pm2 process file for a real hall: `npx pm2 start ecosystem.config.js` (after `npm run build`).
// pm2 loads this with require(), so it stays CommonJS.
module.exports = {
  apps: [
    {
      name: 'hall',
      script: 'dist/server/main.js',
      args: process.env.HALL_CONFIG ? [] : ['--config', 'hall.yaml', '--data', 'data'],
      instances: 1, // one process owns the hall's state and its SQLite file
      exec_mode: 'fork',
      wait_ready: true, // the server sends "ready" once HTTP and MQTT are listening
      listen_timeout: 20000,
      kill_timeout: 10000, // SIGTERM → graceful stop: close sockets, MQTT "offline", close the database
      max_memory_restart: '512M',
      exp_backoff_restart_delay: 200,
      time: true,
      out_file: 'logs/hall.out.log',
      error_file: 'logs/hall.err.log',
      // The server's JSON log, reopened on SIGUSR2 after logrotate moved it (README "Logs"), which reads the pid
      // from logs/hall-0.pid (pm2 adds the instance number to the name).
      pid_file: 'logs/hall.pid',
      env: { NODE_ENV: 'production', HALL_LOG_FILE: 'logs/hall.log' },
    },
  ],
};
